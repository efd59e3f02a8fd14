/**
 * Percentages in reports have one decimal place, rounded half up (1 of 16 = 6.25% -> 6.3%).
 * With nothing to divide by the answer is null ("no figure"), not 0%: "0% of 0 referrals were
 * allocated" would read as a failure to a commissioner.
 */
export function percent(count: number, total: number): number | null {
  if (total <= 0) return null;
  // Integer arithmetic first, so 0.1-style binary fractions cannot tip a half the wrong way.
  return Math.round((count * 1000) / total) / 10;
}

/** The median of whole numbers: the middle value, or the mean of the two middle values. Null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
