/**
 * Date arithmetic for the calendar and reminders, on ISO dates ("2026-03-07") only, so it is the
 * same in every time zone and across the clocks changing. Weeks start on Monday, as in the UK.
 */
const toUtc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const fromUtc = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (iso: string): number => (toUtc(iso).getUTCDay() + 6) % 7;

export const mondayOf = (iso: string): string => addDays(iso, -weekdayIndex(iso));

export function weekDays(iso: string): string[] {
  const start = mondayOf(iso);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

export const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;

export function addMonths(iso: string, months: number): string {
  const d = toUtc(firstOfMonth(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return fromUtc(d);
}

/** Whole weeks (Monday to Sunday) covering the month that contains `iso`. */
export function monthGrid(iso: string): string[][] {
  const first = firstOfMonth(iso);
  const month = first.slice(0, 7);
  const weeks: string[][] = [];
  let day = mondayOf(first);
  while (weeks.length === 0 || day.slice(0, 7) === month) {
    weeks.push(weekDays(day));
    day = addDays(day, 7);
  }
  return weeks;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const monthTitle = (iso: string): string => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
export const dayName = (iso: string): string => DAYS[weekdayIndex(iso)]!;

/** "in 3 days", "tomorrow", "today": for reminders. */
export function whenFromToday(today: string, date: string): string {
  const n = daysBetween(today, date);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}
