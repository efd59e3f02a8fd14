import { ageBands, type AgeBand } from '../domain/codes';

/**
 * Age in whole years on `onDate`. A birthday on `onDate` counts (the person has turned that age).
 * Someone born on 29 February turns a year older on 1 March in non-leap years, as in English law:
 * comparing (month, day) pairs gives exactly that, since (2, 28) < (2, 29) < (3, 1).
 * Null when either date is missing or not real, or the birth date is after `onDate`.
 */
export function ageOn(dateOfBirth: string | null | undefined, onDate: string): number | null {
  if (!dateOfBirth) return null;
  const b = dateParts(dateOfBirth);
  const o = dateParts(onDate);
  if (!b || !o || dateOfBirth > onDate) return null;
  const beforeBirthday = o[1] < b[1] || (o[1] === b[1] && o[2] < b[2]);
  return o[0] - b[0] - (beforeBirthday ? 1 : 0);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** [year, month, day] of a real ISO date, else null. Without Date objects: reports call this per referral. */
function dateParts(iso: string): [number, number, number] | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!) ? [y, mo, d] : null;
}

/** The report's age band for an age; null stays null ("not known"). */
export function ageBandOf(age: number | null): AgeBand | null {
  if (age === null) return null;
  if (age <= 10) return '0-10';
  if (age <= 15) return '11-15';
  if (age <= 17) return '16-17';
  if (age <= 21) return '18-21';
  if (age <= 25) return '22-25';
  return '26+';
}

/** The bands as they appear in a report: the six bands and "not_known" for a missing date of birth. */
export const reportAgeBands = [...ageBands, 'not_known'] as const;
export type ReportAgeBand = (typeof reportAgeBands)[number];

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = (iso: string): number =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}
