import type { Migration } from '../migration';

/**
 * The roster of laptops admitted to the organisation's key, as this laptop knows it (docs/e2e.md,
 * Rotation). A new epoch is wrapped only for laptops on it, so a laptop the service adds of its
 * own accord never gets a key. Managers' laptops share it sealed under the organisation key;
 * `removed_at` marks a laptop taken off (revoked, wiped, or refused), which no merge undoes.
 */
export const m0021: Migration = {
  version: 21,
  name: '0021-laptop-roster',
  up(db) {
    db.exec(`
      CREATE TABLE e2e_roster (
        device_id TEXT PRIMARY KEY,
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        user_id TEXT NOT NULL,
        admitted_by TEXT NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('code', 'fingerprint', 'founder', 'recovery')),
        admitted_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
    `);
  },
};
