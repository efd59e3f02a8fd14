import type { Migration } from '../migration';

/**
 * Facts the commissioners' report counts: a person's ethnicity (a DfE census code) and whether
 * they are disabled (yes, no, not known; the free-text `disability` detail stays beside it), and
 * the day each issue was closed, so issue outcomes fall in the quarter they happened in.
 * All three are synced fields of existing records.
 */
export const m0017: Migration = {
  version: 17,
  name: '0017-equality-facts',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN ethnicity TEXT;
      ALTER TABLE people ADD COLUMN disability_status TEXT;
      ALTER TABLE referral_issues ADD COLUMN closed_on TEXT;
      CREATE INDEX referrals_by_closure ON referrals (closure_date) WHERE deleted_at IS NULL;
    `);
  },
};
