import type { Migration } from '../migration';

/**
 * End-to-end encryption's keys on the laptop (docs/e2e.md). `org_keys` holds each epoch of the
 * organisation's data key this laptop has been given; `device_keypair` is this laptop's own
 * X25519 pair, made once, whose public half the service holds so that a manager's laptop can wrap
 * the organisation key to it. Both live only inside the encrypted store.
 */
export const m0019: Migration = {
  version: 19,
  name: '0019-organisation-keys',
  up(db) {
    db.exec(`
      CREATE TABLE org_keys (
        epoch INTEGER PRIMARY KEY CHECK (epoch >= 1),
        key BLOB NOT NULL CHECK (length(key) = 32),
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE device_keypair (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        public_key BLOB NOT NULL,
        private_key BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
