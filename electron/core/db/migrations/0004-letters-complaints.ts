import type { Migration } from '../migration';

/**
 * Letters and the complaint tracker. Both are synced (deleted_at, no foreign keys: records may
 * arrive out of order). A complaint row is one stage of a complaint; escalating adds a row for the
 * next stage that points back with `escalated_from`, so every stage keeps its own dates.
 */
export const m0004: Migration = {
  version: 4,
  name: '0004-letters-complaints',
  up(db) {
    db.exec(`
      CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        summary TEXT,
        council_reference TEXT,
        received_on TEXT NOT NULL,
        acknowledged_on TEXT,
        extended_to INTEGER,
        extension_reason TEXT,
        response_received_on TEXT,
        outcome TEXT,
        panel_held_on TEXT,
        panel_report_on TEXT,
        escalated_from TEXT,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX complaints_by_case ON complaints (case_id) WHERE deleted_at IS NULL;
      CREATE INDEX complaints_open ON complaints (outcome) WHERE deleted_at IS NULL AND outcome IS NULL;

      CREATE TABLE letters (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        template_id TEXT,
        complaint_id TEXT,
        title TEXT NOT NULL,
        recipient TEXT,
        body TEXT NOT NULL,
        sent_on TEXT,
        sent_method TEXT,
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX letters_by_case ON letters (case_id) WHERE deleted_at IS NULL;
    `);
  },
};
