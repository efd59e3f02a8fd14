import type { Db } from '../db/database';
import { currentOrgKey } from './keyring';

/**
 * How this laptop may send and fetch content (docs/e2e.md):
 * - sealed: it holds the organisation's key; every value but deleted_at is sealed.
 * - waiting: the organisation has a key this laptop has not been given yet: nothing is sent or
 *   fetched, changes wait in the outbox.
 * - plain: the organisation has no key yet (a service from before encryption); values go as they are.
 * Once a laptop has heard that its organisation has a key it never goes back to plain, whatever
 * a service says later.
 */
export type E2eMode = 'sealed' | 'waiting' | 'plain';

const REQUIRED = 'e2e_required';

export function e2eMode(db: Db): E2eMode {
  if (currentOrgKey(db)) return 'sealed';
  return db.prepare('SELECT 1 FROM meta WHERE key = ?').get(REQUIRED) ? 'waiting' : 'plain';
}

/** Called when the service says the organisation has an epoch. */
export function markEncryptionRequired(db: Db): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO NOTHING").run(REQUIRED);
}
