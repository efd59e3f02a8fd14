import { isIsoDate } from './dates';

/**
 * How long a closed case is kept. Services choose one of these in Settings:
 * - `closure`: N years after the case was closed;
 * - `age25`: until the young person's 25th birthday plus N years (care leavers are entitled to
 *   advocacy until 25, so their records are often kept at least that long);
 * - `later`: whichever of the two comes later.
 * An open case is never due, whatever the dates.
 */
export const retentionBases = ['closure', 'age25', 'later'] as const;
export type RetentionBasis = (typeof retentionBases)[number];

export interface RetentionPolicy {
  basis: RetentionBasis;
  years: number;
}

export const defaultRetentionPolicy: RetentionPolicy = { basis: 'later', years: 6 };

/** Adds whole years to an ISO date; 29 February becomes 1 March in a year without one (never early). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4, 10);
  const candidate = `${String(y).padStart(4, '0')}${rest}`;
  return isIsoDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-03-01`;
}

export interface RetentionFacts {
  closureDate: string | null;
  dateOfBirth: string | null;
}

export interface RetentionDue {
  dueOn: string;
  /** Which rule set the date: `age25` needs a date of birth, so without one `closure` is used. */
  ruleUsed: 'closure' | 'age25';
}

/** The date a closed case becomes due for deletion, or null when it is open (or has no usable dates). */
export function retentionDueOn(policy: RetentionPolicy, facts: RetentionFacts): RetentionDue | null {
  const closed = facts.closureDate && isIsoDate(facts.closureDate.slice(0, 10)) ? facts.closureDate.slice(0, 10) : null;
  if (!closed) return null;
  const afterClosure = addYears(closed, policy.years);
  const dob = facts.dateOfBirth && isIsoDate(facts.dateOfBirth) ? facts.dateOfBirth : null;
  const afterAge25 = dob ? addYears(dob, 25 + policy.years) : null;
  if (policy.basis === 'closure' || !afterAge25) return { dueOn: afterClosure, ruleUsed: 'closure' };
  if (policy.basis === 'age25') return { dueOn: afterAge25, ruleUsed: 'age25' };
  return afterAge25 > afterClosure
    ? { dueOn: afterAge25, ruleUsed: 'age25' }
    : { dueOn: afterClosure, ruleUsed: 'closure' };
}
