import type { Migration } from '../migration';

/**
 * Sync bookkeeping (docs/architecture.md, Sync). The account row holds the service's tokens, which are secrets, so
 * they live here in the encrypted store and nowhere else. Parked fields are values from the
 * service this version of Heard does not know yet: kept so a later version can use them.
 */
export const m0006: Migration = {
  version: 6,
  name: '0006-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        service_url TEXT NOT NULL,
        device_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        organisation_id TEXT NOT NULL,
        role TEXT NOT NULL,
        user_name TEXT NOT NULL,
        organisation_name TEXT NOT NULL,
        refresh_token TEXT NOT NULL,
        access_token TEXT,
        access_expires_at TEXT,
        cursor INTEGER NOT NULL DEFAULT 0,
        head INTEGER NOT NULL DEFAULT 0,
        enrolled_at TEXT NOT NULL,
        last_synced_at TEXT,
        last_error TEXT
      ) STRICT;

      -- Which case each synced record belongs to, so a case can be purged when it is reallocated.
      CREATE TABLE sync_record_cases (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sync_record_cases_by_case ON sync_record_cases (case_id);

      -- reason 'unknown': an entity or field this version does not know; 'incomplete': the first
      -- fields of a new record arrived before the ones its table requires; 'held': a newer value from
      -- the service kept aside while this device's own edit to the field is still unacknowledged.
      CREATE TABLE sync_parked (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        field TEXT NOT NULL,
        case_id TEXT,
        value TEXT NOT NULL,
        version INTEGER NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        case_id TEXT,
        field TEXT NOT NULL,
        reason TEXT NOT NULL,
        mine INTEGER NOT NULL,
        edit_value TEXT NOT NULL,
        edit_user TEXT,
        edit_device TEXT,
        edit_hlc TEXT,
        kept_value TEXT NOT NULL,
        kept_version INTEGER NOT NULL,
        kept_user TEXT,
        kept_device TEXT,
        kept_hlc TEXT,
        seq INTEGER NOT NULL,
        resolution TEXT,
        resolved_at TEXT
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, seq);

      -- Purges wait until this device's own edits to the case have been sent and acknowledged.
      CREATE TABLE sync_pending_purges (
        case_id TEXT PRIMARY KEY
      ) STRICT;

      CREATE INDEX outbox_by_field ON outbox (entity, entity_id, field);
      CREATE INDEX outbox_by_case ON outbox (case_id);
    `);
  },
};
