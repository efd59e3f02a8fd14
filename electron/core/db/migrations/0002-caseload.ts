import type { Migration } from '../migration';

/**
 * The caseload: people (young people and parents), referrals (a referral is the case: its id is
 * the case id everywhere), the issues a case is opened for, and advocates. All four are synced,
 * so they carry `deleted_at` and no foreign keys (records may arrive out of order by sync).
 *
 * Search is a local FTS5 index kept up to date by triggers, so it stays right whichever path
 * writes the rows (the Writer here, or sync applying changes from the server).
 */
export const m0002: Migration = {
  version: 2,
  name: '0002-caseload',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        person_reference TEXT,
        kind TEXT NOT NULL DEFAULT 'young_person',
        first_name TEXT,
        last_name TEXT,
        preferred_name TEXT,
        date_of_birth TEXT,
        gender TEXT,
        gender_description TEXT,
        pronouns TEXT,
        first_language TEXT,
        interpreter_needed INTEGER,
        interpreter_language TEXT,
        communication_needs TEXT,
        disability TEXT,
        status_tags TEXT,
        local_authority TEXT,
        placement_type TEXT,
        placement_in_area INTEGER,
        placement_address TEXT,
        key_contacts TEXT,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX people_by_reference ON people (person_reference);

      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        person_id TEXT,
        referral_date TEXT,
        source TEXT,
        referrer TEXT,
        referrer_contact TEXT,
        service_user_type TEXT,
        urgency TEXT NOT NULL DEFAULT 'standard',
        urgency_reason TEXT,
        advocacy_type TEXT NOT NULL DEFAULT 'instructed',
        consent_explained_on TEXT,
        consent_explained_how TEXT,
        confidentiality_explained INTEGER,
        request TEXT,
        status TEXT NOT NULL DEFAULT 'awaiting_allocation',
        allocated_to TEXT,
        allocation_date TEXT,
        days_to_allocation INTEGER,
        closure_date TEXT,
        closure_outcome TEXT,
        closure_note TEXT,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX referrals_by_reference ON referrals (reference);
      CREATE INDEX referrals_by_person ON referrals (person_id);
      CREATE INDEX referrals_by_advocate ON referrals (allocated_to, status);
      CREATE INDEX referrals_by_status ON referrals (status, urgency, referral_date);

      CREATE TABLE referral_issues (
        id TEXT PRIMARY KEY,
        referral_id TEXT NOT NULL,
        code TEXT NOT NULL,
        description TEXT,
        wanted_outcome TEXT,
        status TEXT NOT NULL DEFAULT 'open',
        outcome TEXT,
        outcome_note TEXT,
        created_at TEXT,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX referral_issues_by_referral ON referral_issues (referral_id);

      CREATE TABLE advocates (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'advocate',
        deleted_at TEXT
      ) STRICT;

      -- Local only. FTS5 rowids must be integers that never change, so each referral gets one here.
      CREATE TABLE caseload_search_keys (
        k INTEGER PRIMARY KEY,
        referral_id TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE VIRTUAL TABLE caseload_fts USING fts5 (
        reference, names, body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
    // One statement body reused by every trigger: rebuild the index entry of the referrals matched by WHERE.
    const refresh = (where: string) => `
        DELETE FROM caseload_fts WHERE rowid IN (
          SELECT k.k FROM caseload_search_keys k JOIN referrals r ON r.id = k.referral_id WHERE ${where});
        INSERT INTO caseload_fts (rowid, reference, names, body)
          SELECT k.k, r.reference,
            trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '') || ' ' || coalesce(p.preferred_name, '')),
            trim(coalesce((SELECT group_concat(coalesce(i.description, '') || ' ' || coalesce(i.wanted_outcome, ''), ' ')
                  FROM referral_issues i WHERE i.referral_id = r.id AND i.deleted_at IS NULL), '')
              || ' ' || coalesce(r.urgency_reason, '') || ' ' || coalesce(r.request, ''))
          FROM referrals r
          JOIN caseload_search_keys k ON k.referral_id = r.id
          LEFT JOIN people p ON p.id = r.person_id
          WHERE r.deleted_at IS NULL AND ${where};`;
    db.exec(`
      CREATE TRIGGER referrals_search_insert AFTER INSERT ON referrals BEGIN
        INSERT OR IGNORE INTO caseload_search_keys (referral_id) VALUES (NEW.id);
        ${refresh('r.id = NEW.id')}
      END;
      CREATE TRIGGER referrals_search_update AFTER UPDATE OF reference, person_id, urgency_reason, request, deleted_at ON referrals BEGIN
        ${refresh('r.id = NEW.id')}
      END;
      CREATE TRIGGER people_search_update AFTER UPDATE OF first_name, last_name, preferred_name, deleted_at ON people BEGIN
        ${refresh('r.person_id = NEW.id')}
      END;
      CREATE TRIGGER people_search_insert AFTER INSERT ON people BEGIN
        ${refresh('r.person_id = NEW.id')}
      END;
      CREATE TRIGGER issues_search_insert AFTER INSERT ON referral_issues BEGIN
        ${refresh('r.id = NEW.referral_id')}
      END;
      CREATE TRIGGER issues_search_update AFTER UPDATE OF description, wanted_outcome, deleted_at, referral_id ON referral_issues BEGIN
        ${refresh('r.id = NEW.referral_id')}
      END;
    `);
  },
};
