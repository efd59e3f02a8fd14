/** RFC 4648 base32 without padding: 5 bits a character, no look-alike digits 0, 1, 8 or 9. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function toBase32(bytes: Uint8Array, chars = Math.ceil((bytes.length * 8) / 5)): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.slice(0, chars);
}

/** The bytes, or null when a character is not in the alphabet (a person's typing is normalised first). */
export function fromBase32(text: string, bytes: number): Buffer | null {
  const out = Buffer.alloc(bytes);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      if (i >= bytes) return null;
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return i === bytes ? out : null;
}
