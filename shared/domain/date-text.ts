import { formatUkDate, isIsoDate } from './dates';

/**
 * Reading a date as people in UK offices type it: day first (01/12/2026, 1/12/26, 01.12.2026,
 * 1-12-2026, 1 Dec 2026, 1st December 2026), ISO (2026-12-01), or "today". A date written month
 * first (12/31/2026) is refused with the reason rather than guessed, and a day that does not exist
 * (31/02) is refused rather than rolled into March.
 *
 * Each refusal has a code and a message. The message may echo the day and month typed (it sits
 * beside the field the person is typing in); the code lets a spreadsheet import use its own words,
 * because an import report must never repeat a cell's contents.
 */
export type DateProblemCode = 'unrecognised' | 'no_such_day' | 'no_such_month' | 'month_first' | 'year_range' | 'rule';

export type DateReading = { ok: true; iso: string } | { ok: false; code: DateProblemCode; message: string };

/** A limit on which dates make sense for a field, with the words to say when one is crossed. */
export interface DateLimit {
  iso: string;
  message: string;
}

export interface DateRules {
  /** Today as ISO, for "today" and for two-digit years. */
  today: string;
  notAfter?: DateLimit | undefined;
  notBefore?: DateLimit | undefined;
}

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const monthNames = months.map((m) => m[0]!.toUpperCase() + m.slice(1));
const EXAMPLE = 'Type the date as dd/mm/yyyy, for example 07/03/2026.';

function monthFromWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = months.findIndex((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
  return i >= 0 ? i + 1 : null;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');
const fail = (code: DateProblemCode, message: string): DateReading => ({ ok: false, code, message });

/** A two-digit year is this century's unless that would put it more than ten years ahead. */
function fullYear(text: string, today: string): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  const thisYear = Number(today.slice(0, 4));
  const century = Math.floor(thisYear / 100) * 100;
  return century + y > thisYear + 10 ? century - 100 + y : century + y;
}

function build(day: number, month: number, year: number, monthFirstPossible: boolean): DateReading {
  if (year < 1900 || year > 2100)
    return fail('year_range', 'The year must be between 1900 and 2100, with four digits (or two, as in 07/03/26).');
  if (month < 1 || month > 12) {
    if (monthFirstPossible && day >= 1 && day <= 12 && month <= 31) {
      return fail(
        'month_first',
        `This looks like the month first, as in the US. Put the day first: ${pad(month)}/${pad(day)}/${year}.`,
      );
    }
    return fail('no_such_month', `There is no month ${month}. Put the day first, then the month: dd/mm/yyyy.`);
  }
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    return fail(
      'no_such_day',
      `${pad(day)}/${pad(month)} is not a date: ${monthNames[month - 1]} ${year} has ${last} days.`,
    );
  }
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

/** Reads what was typed; empty text is not a date (the field decides whether one is required). */
export function readDate(text: string, today: string): DateReading {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return fail('unrecognised', EXAMPLE);
  const word = t.toLowerCase();
  if (word === 'today') return { ok: true, iso: today };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), false);
  m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), fullYear(m[3]!, today), true);
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), false);
  // 1 Dec 2026, 1st December 2026, 01-Dec-26 (as spreadsheets export), Dec 1, 2026.
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ \-/]?([a-z]+\.?),?[ \-/](\d{2}|\d{4})$/i.exec(t);
  if (m) {
    const month = monthFromWord(m[2]!);
    if (month) return build(Number(m[1]), month, fullYear(m[3]!, today), false);
  }
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/i.exec(t);
  if (m) {
    const month = monthFromWord(m[1]!);
    if (month) return build(Number(m[2]), month, Number(m[3]), false);
  }
  return fail('unrecognised', EXAMPLE);
}

/** Reads a date and checks it against the field's limits (not in the future, not before the referral...). */
export function parseDateText(text: string, rules: DateRules): DateReading {
  const read = readDate(text, rules.today);
  if (!read.ok) return read;
  if (rules.notAfter && read.iso > rules.notAfter.iso) return fail('rule', rules.notAfter.message);
  if (rules.notBefore && read.iso < rules.notBefore.iso) return fail('rule', rules.notBefore.message);
  return read;
}

/** A stored ISO date as it is shown in a date field. */
export const dateForField = (iso: string | null | undefined): string =>
  iso && isIsoDate(iso.slice(0, 10)) ? formatUkDate(iso) : '';

export type TimeReading = { ok: true; time: string } | { ok: false; message: string };

/** Reads a time on the 24-hour clock (14:30, 14.30, 1430, 9:05, 9); 2:30pm is understood too. */
export function readTime(text: string): TimeReading {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const bad: TimeReading = { ok: false, message: 'Type the time on the 24-hour clock as hh:mm, for example 14:30.' };
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return bad;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (m[3]) {
    if (hour < 1 || hour > 12)
      return { ok: false, message: `There is no ${hour} o'clock ${m[3]}. Use the 24-hour clock, for example 14:30.` };
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  if (hour > 23) return { ok: false, message: `There is no hour ${hour}: the 24-hour clock runs from 00:00 to 23:59.` };
  if (minute > 59) return { ok: false, message: `There is no minute ${minute}: minutes run from 00 to 59.` };
  return { ok: true, time: `${pad(hour)}:${pad(minute)}` };
}
