import { isIsoDate } from './dates';

/*
 * Working days for statutory complaint timescales: Monday to Friday, less England and Wales bank
 * holidays. Built from the rules rather than the `date-holidays` library: the rules fit in one
 * screen, have no data file to go stale, run in every process (shared/ is pure TS), and a library
 * would still need the one-off days (jubilees, funerals, coronations) checked by hand. A new
 * one-off holiday declared by proclamation needs one line in ONE_OFF below.
 *
 * Rules (Banking and Financial Dealings Act 1971 and proclamations):
 * - New Year's Day, Christmas Day, Boxing Day; when one falls at a weekend the next weekday not
 *   already a holiday is the substitute (so Christmas on a Saturday gives Monday 27 and Tuesday 28).
 * - Good Friday and Easter Monday (Easter computed, Gregorian calendar).
 * - Early May bank holiday: first Monday in May (since 1978), moved in 1995 and 2020 for VE Day.
 * - Spring bank holiday: last Monday in May, moved in 2002, 2012 and 2022 for jubilees.
 * - Summer bank holiday: last Monday in August.
 */

const DAY_MS = 86_400_000;

/** Extra days granted by proclamation, and days that replaced a regular holiday. */
const ONE_OFF: readonly string[] = [
  '1973-11-14', // wedding of Princess Anne
  '1977-06-07', // Silver Jubilee
  '1981-07-29', // wedding of the Prince of Wales
  '1999-12-31', // millennium
  '2002-06-03', // Golden Jubilee
  '2011-04-29', // royal wedding
  '2012-06-05', // Diamond Jubilee
  '2022-06-03', // Platinum Jubilee
  '2022-09-19', // state funeral of Queen Elizabeth II
  '2023-05-08', // coronation of King Charles III
];

/** Years whose early May or spring holiday was moved to a different date. */
const MOVED: Readonly<Record<number, { earlyMay?: string; spring?: string }>> = {
  1995: { earlyMay: '1995-05-08' }, // VE Day 50th anniversary
  2002: { spring: '2002-06-04' },
  2012: { spring: '2012-06-04' },
  2020: { earlyMay: '2020-05-08' }, // VE Day 75th anniversary
  2022: { spring: '2022-06-02' },
};

/** The earliest year the rules here describe (the early May holiday began in 1978). */
const FIRST_YEAR = 1971;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

const utcDay = (y: number, m: number, d: number): number => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
/** 0 = Sunday ... 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;
const isWeekend = (n: number): boolean => {
  const w = weekday(n);
  return w === 0 || w === 6;
};

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstMonday(year: number, month: number): number {
  const first = utcDay(year, month, 1);
  return first + ((8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = utcDay(year, month + 1, 0);
  return last - ((weekday(last) + 6) % 7);
}

const cache = new Map<number, ReadonlySet<number>>();

function holidaysOf(year: number): ReadonlySet<number> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Set<number>();
  // Fixed-date holidays take the next free weekday when they land on a weekend, in date order,
  // so Christmas's substitute is taken before Boxing Day's.
  for (const fixed of [utcDay(year, 1, 1), utcDay(year, 12, 25), utcDay(year, 12, 26)]) {
    let n = fixed;
    while (isWeekend(n) || days.has(n)) n += 1;
    days.add(n);
  }
  const easter = dayNumber(easterSunday(year));
  days.add(easter - 2);
  days.add(easter + 1);
  const moved = MOVED[year] ?? {};
  if (year >= 1978) days.add(moved.earlyMay ? dayNumber(moved.earlyMay) : firstMonday(year, 5));
  days.add(moved.spring ? dayNumber(moved.spring) : lastMonday(year, 5));
  days.add(lastMonday(year, 8));
  for (const iso of ONE_OFF) if (iso.startsWith(`${year}-`)) days.add(dayNumber(iso));
  cache.set(year, days);
  return days;
}

function checkDate(date: unknown, what: string): number {
  if (typeof date !== 'string' || !isIsoDate(date)) {
    throw new RangeError(`${what} must be a real date written as YYYY-MM-DD.`);
  }
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR)
    throw new RangeError(`${what} is before ${FIRST_YEAR}; bank holidays are only known from then.`);
  return dayNumber(date);
}

function isWorkingDayNumber(n: number): boolean {
  if (isWeekend(n)) return false;
  const year = new Date(n * DAY_MS).getUTCFullYear();
  return !holidaysOf(year).has(n);
}

/** True on a weekday that is not an England and Wales bank holiday. */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayNumber(checkDate(date, 'The date'));
}

/**
 * The date `days` working days after `start`. The start day itself is never counted (a complaint
 * received on Monday with 10 working days is due on the Monday two weeks later, holidays aside),
 * and a start on a weekend or holiday counts from the next working day. Negative `days` counts
 * back. Zero returns `start`.
 */
export function addWorkingDays(start: string, days: number): string {
  let n = checkDate(start, 'The start date');
  if (!Number.isInteger(days)) throw new RangeError('The number of working days must be a whole number.');
  const step = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  while (left > 0) {
    n += step;
    if (isWorkingDayNumber(n)) left -= 1;
  }
  return fromDayNumber(n);
}

/**
 * Working days from `from` (not counted) up to and including `to`; negative when `to` is earlier.
 * Used to say how many working days are left before, or have passed since, a due date.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = checkDate(from, 'The first date');
  const b = checkDate(to, 'The second date');
  if (b < a) return -workingDaysBetween(to, from);
  let count = 0;
  for (let n = a + 1; n <= b; n += 1) if (isWorkingDayNumber(n)) count += 1;
  return count;
}

/** The bank holidays of one year, as ISO dates in order (for display and tests). */
export function bankHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > 9999)
    throw new RangeError(`The year must be between ${FIRST_YEAR} and 9999.`);
  return [...holidaysOf(year)].sort((x, y) => x - y).map(fromDayNumber);
}
