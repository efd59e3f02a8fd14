import type { Migration } from '../migration';

/**
 * The foundation: device identity, unsaved drafts, and the sync bookkeeping every later table
 * writes through (outbox, per-field versions). See docs/architecture.md, The write path.
 */
export const m0001: Migration = {
  version: 1,
  name: '0001-initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE drafts (
        key TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;

      -- Every change to a synced record, appended in the same transaction as the change.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        mutation_id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        case_id TEXT,
        field TEXT NOT NULL,
        value TEXT,
        base_version INTEGER NOT NULL,
        hlc TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- The server version each field was last known at; a local edit's base version.
      CREATE TABLE field_versions (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
