import type { Migration } from '../migration';

/**
 * Quarterly reports. `feedback_forms` are synced (one row per form received at case
 * closure; `case_id` is `referrals.id`; no foreign key, as sync may deliver a form before its
 * case). `report_sections` holds the manager's narrative and anonymised case studies for a
 * period; it is local to the device that writes the report, so it is not synced.
 */
export const m0007: Migration = {
  version: 7,
  name: '0007-feedback',
  up(db) {
    db.exec(`
      CREATE TABLE feedback_forms (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        received_date TEXT NOT NULL,
        respondent_role TEXT,
        listened_to TEXT,
        things_changed TEXT,
        use_again TEXT,
        voice_heard TEXT,
        kept_informed TEXT,
        recommend TEXT,
        comment TEXT NOT NULL DEFAULT '',
        may_quote INTEGER NOT NULL DEFAULT 0,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX feedback_forms_by_case ON feedback_forms (case_id);
      CREATE INDEX feedback_forms_by_date ON feedback_forms (received_date);

      CREATE TABLE report_sections (
        id TEXT PRIMARY KEY,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('narrative', 'case_study')),
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        case_id TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_sections_by_period ON report_sections (period_from, period_to, position);
    `);
  },
};
