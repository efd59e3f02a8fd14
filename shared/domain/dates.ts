/** Dates are stored as ISO (YYYY-MM-DD) and shown to people as dd/mm/yyyy, as in the UK. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** "2026-03-07" -> "07/03/2026"; an ISO timestamp shows its date part. */
export function formatUkDate(iso: string): string {
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "07/03/2026" -> "2026-03-07", or null when it is not a real date. */
export function parseUkDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Today's date as ISO in local time (not UTC: an advocate working at 00:30 means today). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
