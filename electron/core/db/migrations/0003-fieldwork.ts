import type { Migration } from '../migration';

/**
 * Field work: contacts, notes with their kept versions and full-text index, wishes and
 * feelings, observations for non-instructed cases, actions, and safeguarding records.
 *
 * Synced tables have `id TEXT PRIMARY KEY`, `deleted_at`, and no foreign keys (sync may deliver
 * a note before its case). `note_versions` and the search tables (`notes_fts*`) are local only.
 */

export const m0003: Migration = {
  version: 3,
  name: '0003-fieldwork',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        type TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        duration_minutes INTEGER,
        travel_minutes INTEGER,
        miles REAL,
        present TEXT NOT NULL DEFAULT '[]',
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX contacts_by_case ON contacts (case_id, occurred_at);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        contact_id TEXT,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '{"type":"doc","content":[]}',
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX notes_by_case ON notes (case_id, updated_at);
      CREATE INDEX notes_by_contact ON notes (contact_id) WHERE contact_id IS NOT NULL;

      -- Every saved version of a note, deflated. Local history: the current body is what syncs.
      CREATE TABLE note_versions (
        id TEXT PRIMARY KEY,
        note_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        title TEXT NOT NULL,
        body BLOB NOT NULL,
        saved_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        UNIQUE (note_id, number)
      ) STRICT;

      -- Search: FTS5 over each note's title and plain text. Saving a note (every two seconds while
      -- typing) only marks it here; core brings the index up to date before any search, so the
      -- autosave path never re-tokenises a long note. Triggers mark notes whichever path writes
      -- them (the editor, sync, an import).
      CREATE TABLE notes_fts_map (
        fts_rowid INTEGER PRIMARY KEY,
        note_id TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE VIRTUAL TABLE notes_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE notes_fts_pending (
        note_id TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT OR IGNORE INTO notes_fts_pending (note_id) VALUES (new.id);
      END;
      CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, body, deleted_at ON notes BEGIN
        INSERT OR IGNORE INTO notes_fts_pending (note_id) VALUES (new.id);
      END;
      CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT OR IGNORE INTO notes_fts_pending (note_id) VALUES (old.id);
        DELETE FROM note_versions WHERE note_id = old.id;
      END;

      CREATE TABLE wishes_entries (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        recorded_on TEXT NOT NULL,
        going_well TEXT NOT NULL DEFAULT '',
        worries TEXT NOT NULL DEFAULT '',
        want_to_happen TEXT NOT NULL DEFAULT '',
        issue_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX wishes_by_case ON wishes_entries (case_id, recorded_on);

      CREATE TABLE observations (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        communication TEXT NOT NULL DEFAULT '',
        likes TEXT NOT NULL DEFAULT '',
        dislikes TEXT NOT NULL DEFAULT '',
        knows_them_well TEXT NOT NULL DEFAULT '',
        rights_upheld TEXT NOT NULL DEFAULT 'not_sure',
        rights_notes TEXT NOT NULL DEFAULT '',
        issue_ids TEXT NOT NULL DEFAULT '[]',
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX observations_by_case ON observations (case_id, observed_on);

      CREATE TABLE case_actions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        owner_name TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL,
        due_on TEXT NOT NULL,
        done_at TEXT,
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX case_actions_by_case ON case_actions (case_id, due_on);
      CREATE INDEX case_actions_open ON case_actions (due_on) WHERE done_at IS NULL AND deleted_at IS NULL;

      CREATE TABLE safeguarding_records (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        disclosed_at TEXT NOT NULL,
        disclosure TEXT NOT NULL,
        decision TEXT NOT NULL,
        reason TEXT NOT NULL,
        told TEXT NOT NULL DEFAULT '[]',
        outcome TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open',
        recorded_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX safeguarding_by_case ON safeguarding_records (case_id);

      -- Append-only: each amendment's reason and the before and after of every field it changed.
      CREATE TABLE safeguarding_amendments (
        id TEXT PRIMARY KEY,
        record_id TEXT NOT NULL,
        case_id TEXT NOT NULL,
        amended_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        changes TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX safeguarding_amendments_by_record ON safeguarding_amendments (record_id, amended_at);

      -- A safeguarding record is never tombstoned, whatever path tries. (Purging a case that was
      -- reallocated away removes rows outright on this device only; the service keeps them.)
      CREATE TRIGGER safeguarding_records_no_tombstone BEFORE UPDATE OF deleted_at ON safeguarding_records
        WHEN new.deleted_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'Safeguarding records cannot be deleted.'); END;
      CREATE TRIGGER safeguarding_records_born_alive BEFORE INSERT ON safeguarding_records
        WHEN new.deleted_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'Safeguarding records cannot be deleted.'); END;
      CREATE TRIGGER safeguarding_amendments_unchanging BEFORE UPDATE ON safeguarding_amendments
        WHEN new.deleted_at IS NOT NULL OR new.reason IS NOT old.reason OR new.changes IS NOT old.changes
        BEGIN SELECT RAISE(ABORT, 'Safeguarding amendments cannot be changed.'); END;
    `);
  },
};
