import type { Migration } from '../migration';

/**
 * The secret parts of enrolment codes a manager's laptop has issued (docs/e2e.md, Admitting a
 * laptop). They never leave this laptop: a new laptop's tag is checked against them before the
 * organisation key is wrapped to it, and each admits one laptop once (`used_by`).
 */
export const m0020: Migration = {
  version: 20,
  name: '0020-enrolment-secrets',
  up(db) {
    db.exec(`
      CREATE TABLE e2e_enrolment_secrets (
        code_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        secret TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_by TEXT,
        used_at TEXT
      ) STRICT;
    `);
  },
};
