import type { Migration } from '../migration';

/**
 * The systemic issues log: something an advocate met on a case that is wider than the case
 * ("no education provision for UASC"), filed under one of the four areas of change the
 * commissioners' report describes. Synced like every case record: `deleted_at`, no foreign keys
 * (sync may deliver an entry before its case); `case_id` is the referral's id.
 */
export const m0018: Migration = {
  version: 18,
  name: '0018-systemic-issues',
  up(db) {
    db.exec(`
      CREATE TABLE systemic_issues (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        area TEXT NOT NULL,
        issue TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        raised_on TEXT NOT NULL,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX systemic_issues_by_case ON systemic_issues (case_id);
      CREATE INDEX systemic_issues_by_date ON systemic_issues (raised_on);
      -- The report reads a quarter's casework by date, and each meeting's debrief by its meeting.
      CREATE INDEX contacts_by_date ON contacts (occurred_at);
      CREATE INDEX complaints_by_received ON complaints (received_on);
      CREATE INDEX complaints_by_response ON complaints (response_received_on) WHERE response_received_on IS NOT NULL;
      CREATE INDEX safeguarding_by_disclosed ON safeguarding_records (disclosed_at);
      CREATE INDEX meeting_debriefs_by_meeting ON meeting_debriefs (meeting_id);
      CREATE INDEX referral_issues_by_closed ON referral_issues (closed_on) WHERE closed_on IS NOT NULL;
    `);
  },
};
