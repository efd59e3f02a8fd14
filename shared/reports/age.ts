import { ageBands, type AgeBand } from '../domain/codes';
import { isIsoDate } from '../domain/dates';

/**
 * Age in whole years on `onDate`. A birthday on `onDate` counts (the person has turned that age).
 * Someone born on 29 February turns a year older on 1 March in non-leap years, as in English law:
 * comparing (month, day) pairs gives exactly that, since (2, 28) < (2, 29) < (3, 1).
 * Null when either date is missing or not real, or the birth date is after `onDate`.
 */
export function ageOn(dateOfBirth: string | null | undefined, onDate: string): number | null {
  if (!dateOfBirth || !isIsoDate(dateOfBirth) || !isIsoDate(onDate) || dateOfBirth > onDate) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const beforeBirthday = m < bm || (m === bm && d < bd);
  return y - by - (beforeBirthday ? 1 : 0);
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
  const ms = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}
