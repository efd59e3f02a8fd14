/**
 * Clocks: the service orders changes, so a wrong clock never stops sync, but the
 * times a device stamps on records (visit times, note versions, audit entries) come from its own
 * clock. A clock more than a day off is flagged, to the advocate on that computer and to the
 * service's administrators.
 */
export const CLOCK_SKEW_FLAG_MS = 24 * 60 * 60 * 1000;

const HOUR = 60 * 60 * 1000;

/** How far off, in words: "3 days", "1 day and 5 hours", "26 hours" reads worse than "1 day and 2 hours". */
export function describeOffset(offsetMs: number): string {
  const hours = Math.round(Math.abs(offsetMs) / HOUR);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const d = `${days} day${days === 1 ? '' : 's'}`;
  if (days === 0) return `${hours} hour${hours === 1 ? '' : 's'}`;
  if (rest === 0 || days >= 7) return d;
  return `${d} and ${rest} hour${rest === 1 ? '' : 's'}`;
}

/** `offsetMs` is a device's clock minus the service's. Null within a day either way, else "CLOCK 3 days ahead". */
export function clockSkewFlag(offsetMs: number | null): string | null {
  if (offsetMs === null || Math.abs(offsetMs) <= CLOCK_SKEW_FLAG_MS) return null;
  return `CLOCK ${describeOffset(offsetMs)} ${offsetMs > 0 ? 'ahead' : 'behind'}`;
}

/** For the advocate on the computer whose clock is off: null within a day, else what to do. */
export function clockSkewWarning(offsetMs: number | null): string | null {
  if (clockSkewFlag(offsetMs) === null) return null;
  const way = offsetMs! > 0 ? 'ahead of' : 'behind';
  return `This computer's clock is ${describeOffset(offsetMs!)} ${way} the service's. Records you make now will carry the wrong date and time: set the date and time in your computer's settings. Sync goes on working meanwhile.`;
}
