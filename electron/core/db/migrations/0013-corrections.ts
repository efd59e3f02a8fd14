import type { Migration } from '../migration';

/**
 * Corrections: each change to a detail already saved (a name, a gender, a date of birth, an
 * issue's wording, an action, a meeting…) keeps what it was, what it became, who changed it,
 * when, and why if they said. Synced, so every laptop holding the case shows the same history.
 *
 * Rows are never changed once written (a later correction is a new row); the changes and the
 * time must come with the first write, so a correction is never seen half-made. Deleting rows outright
 * stays possible: purging a case reallocated away, or erasing it at the end of retention.
 */
export const m0013: Migration = {
  version: 13,
  name: '0013-corrections',
  up(db) {
    db.exec(`
      CREATE TABLE corrections (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT 'changed',
        corrected_at TEXT NOT NULL,
        corrected_by TEXT,
        corrected_by_name TEXT,
        reason TEXT,
        changes TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX corrections_by_case ON corrections (case_id, corrected_at);
      CREATE INDEX corrections_by_record ON corrections (record_id, corrected_at);

      -- Sync may bring a correction's fields over more than one page: the first insert has every
      -- required field, and a field still empty may be filled in later; nothing set may change.
      CREATE TRIGGER corrections_unchanging BEFORE UPDATE ON corrections
        WHEN new.deleted_at IS NOT NULL OR new.changes IS NOT old.changes OR new.corrected_at IS NOT old.corrected_at
          OR (old.reason IS NOT NULL AND new.reason IS NOT old.reason)
          OR (old.corrected_by IS NOT NULL AND new.corrected_by IS NOT old.corrected_by)
          OR (old.corrected_by_name IS NOT NULL AND new.corrected_by_name IS NOT old.corrected_by_name)
        BEGIN SELECT RAISE(ABORT, 'Corrections cannot be changed.'); END;
    `);
  },
};
