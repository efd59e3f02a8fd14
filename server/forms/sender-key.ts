import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key the public forms' per-address limit counts by. One IPv6 connection is handed a whole
 * /64, so counting each address on its own would let one sender use billions of them (attack
 * review finding 12): an IPv6 sender is counted by its /64, an IPv4 one (or one written as an
 * IPv4-mapped IPv6 address) by its address.
 */
export function senderKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  const bare = ip.split('%')[0]!;
  if (!isIPv6(bare)) return ip;
  const [head, tail] = bare.split('::') as [string, string | undefined];
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
