import type { Migration } from '../migration';

/**
 * Corrections: each change to a detail already saved (a name, a gender, a date of birth, an
 * issue's wording, an action, a meeting…) keeps what it was, what it became, who changed it,
 * when, and why if they said. Synced, so every laptop holding the case shows the same history.
 *
 * Rows are never changed once written (a later correction is a new row). Deleting rows outright
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
        changes TEXT NOT NULL DEFAULT '[]',
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX corrections_by_case ON corrections (case_id, corrected_at);
      CREATE INDEX corrections_by_record ON corrections (record_id, corrected_at);

      CREATE TRIGGER corrections_unchanging BEFORE UPDATE ON corrections
        WHEN new.deleted_at IS NOT NULL OR new.changes IS NOT old.changes OR new.reason IS NOT old.reason
          OR new.corrected_at IS NOT old.corrected_at OR new.corrected_by IS NOT old.corrected_by
        BEGIN SELECT RAISE(ABORT, 'Corrections cannot be changed.'); END;
    `);
  },
};
