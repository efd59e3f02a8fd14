import type { Db } from '../db/database';

/**
 * A young person already known who may be the one an online referral is about: the same date of
 * birth and a name in common, or the same first and last names with a date of birth that is
 * close (a typing slip, day and month swapped) or missing. Only flagged: a manager decides.
 */
export interface MatchQuery {
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string | null;
}

interface PersonRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
  date_of_birth: string | null;
}

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

function closeDates(a: string, b: string): boolean {
  const days = Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
  const swapped =
    a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7);
  return (
    days <= 31 ||
    swapped ||
    (a.slice(5) === b.slice(5) && Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4))) === 1)
  );
}

/** The strongest candidate's person id, or null. `exclude`: the referral's own new person. */
export function findPossibleMatch(db: Db, q: MatchQuery, exclude: string | null = null): string | null {
  const first = new Set([norm(q.firstName), norm(q.preferredName)].filter(Boolean));
  const last = norm(q.lastName);
  if (first.size === 0 && !last) return null;
  const rows = db
    .prepare(
      `SELECT id, first_name, last_name, preferred_name, date_of_birth FROM people WHERE deleted_at IS NULL AND kind = 'young_person' AND id IS NOT ?
       AND EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = people.id AND r.deleted_at IS NULL)`,
    )
    .all(exclude) as PersonRow[];
  let best: { id: string; score: number } | null = null;
  for (const p of rows) {
    const theirFirst = [norm(p.first_name), norm(p.preferred_name)].filter(Boolean);
    const firstAgrees = theirFirst.some((n) => first.has(n));
    const lastAgrees = last !== '' && norm(p.last_name) === last;
    let score = 0;
    if (q.dateOfBirth && p.date_of_birth === q.dateOfBirth && (firstAgrees || lastAgrees))
      score = firstAgrees && lastAgrees ? 3 : 2;
    else if (
      firstAgrees &&
      lastAgrees &&
      (!q.dateOfBirth || !p.date_of_birth || closeDates(q.dateOfBirth, p.date_of_birth))
    )
      score = 1;
    if (score > 0 && (!best || score > best.score)) best = { id: p.id, score };
  }
  return best?.id ?? null;
}
