import { clockSkewWarning } from '../../../../shared/sync/clock-skew';
import type { LaptopView } from '../../../../shared/ipc/laptops';

/** A date and time as people in England read it, on UK time whatever this computer's zone. */
export function ukDateTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function lastSyncText(l: LaptopView): string {
  return l.lastSeenAt ? `Last synced ${ukDateTime(l.lastSeenAt)}` : 'Not synced yet';
}

export function clockText(l: LaptopView): string | null {
  return l.clockOffsetMs === null ? null : clockSkewWarning(l.clockOffsetMs) ? 'Clock is more than a day out' : null;
}

export function statusText(l: LaptopView): string {
  if (l.status === 'revoked') return 'Disconnected';
  if (l.status === 'wipe') return 'Wipe asked for';
  if (l.status === 'wiped') return 'Wiped';
  if (l.waiting) return 'Waiting for the key';
  return l.holdsKey ? 'Connected, holds the key' : 'Connected';
}
