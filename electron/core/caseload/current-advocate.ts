import type { Db } from '../db/database';

/** The `meta` key holding the id of the advocate using this computer. */
export const CURRENT_ADVOCATE_KEY = 'current_advocate_id';

/** The advocate using this computer, if one has been made yet; reads only (the audit trail calls it). */
export function currentAdvocateIdIfAny(db: Db): string | null {
  const id = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CURRENT_ADVOCATE_KEY) as string | undefined;
  return id ?? null;
}
