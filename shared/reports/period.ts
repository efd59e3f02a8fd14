import { isIsoDate } from '../domain/dates';

/** A reporting period: both ends are ISO dates and both are included. */
export interface Period {
  from: string;
  to: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/i;

/**
 * "2026-Q2" -> 1 April to 30 June 2026. Quarters are calendar quarters (Q1 = January to March),
 * which is what "2026-Q2" says; a service that reports by financial year picks its dates with
 * `customPeriod` instead.
 */
export function parseQuarter(text: string): Period | null {
  const m = QUARTER.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${m[1]}-${pad(firstMonth)}-01`, to: `${m[1]}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter a date falls in, as "2026-Q2". */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before the one containing `isoDate`: the one a manager usually reports on. */
export function previousQuarter(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** A period with explicit ends, or null when the dates are not real or run backwards. */
export function customPeriod(from: string, to: string): Period | null {
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) return null;
  return { from, to };
}

export const inPeriod = (date: string | null | undefined, p: Period): boolean =>
  typeof date === 'string' && date.length >= 10 && date.slice(0, 10) >= p.from && date.slice(0, 10) <= p.to;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The period a report is set beside: the previous calendar quarter when `p` is one, otherwise
 * a period of the same number of days ending the day before `p` starts.
 */
export function periodBefore(p: Period): Period {
  const q = parseQuarter(quarterOf(p.from));
  if (q && q.from === p.from && q.to === p.to) return parseQuarter(previousQuarter(p.from))!;
  const day = (iso: string): number =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  const length = day(p.to) - day(p.from);
  const to = day(p.from) - 86_400_000;
  return { from: iso(to - length), to: iso(to) };
}
