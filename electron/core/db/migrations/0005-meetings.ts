import type { Migration } from '../migration';

/**
 * Meetings, the young person's "my views" statements (with every saved version kept) and the
 * debrief after each meeting. All synced: `deleted_at` on each, and no foreign keys, because
 * records may arrive out of order by sync. `case_id` is the referral's id.
 */
export const m0005: Migration = {
  version: 5,
  name: '0005-meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        meeting_type TEXT NOT NULL,
        type_other TEXT,
        meeting_date TEXT NOT NULL,
        start_time TEXT,
        place TEXT,
        chair TEXT,
        invitees TEXT,
        notes TEXT,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX meetings_by_date ON meetings (meeting_date, start_time);
      CREATE INDEX meetings_by_case ON meetings (case_id, meeting_date);

      CREATE TABLE meeting_statements (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        template_id TEXT,
        presenter TEXT,
        sections TEXT NOT NULL,
        current_version_id TEXT,
        agreed_version_id TEXT,
        agreed_on TEXT,
        agreed_how TEXT,
        agreement_note TEXT,
        created_at TEXT,
        updated_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX meeting_statements_by_meeting ON meeting_statements (meeting_id);

      -- Append-only: every saved wording of a statement, so any earlier version can be read again.
      CREATE TABLE meeting_statement_versions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        statement_id TEXT NOT NULL,
        sections TEXT NOT NULL,
        presenter TEXT,
        saved_at TEXT NOT NULL,
        saved_in TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX meeting_statement_versions_by_statement ON meeting_statement_versions (statement_id, saved_at);

      -- One per meeting: its id is the meeting's id, so two devices debriefing the same meeting
      -- edit one record field by field instead of creating two.
      CREATE TABLE meeting_debriefs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        meeting_id TEXT NOT NULL,
        attended TEXT,
        views_presented TEXT,
        decisions TEXT,
        wishes_reflected TEXT,
        actions TEXT,
        issues_moved TEXT,
        debriefed_on TEXT,
        notes TEXT,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX meeting_debriefs_by_case ON meeting_debriefs (case_id);
    `);
  },
};
