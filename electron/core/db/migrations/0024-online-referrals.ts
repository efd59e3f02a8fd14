import type { Migration } from '../migration';

/**
 * Referrals that arrived through the service's online form (docs/e2e.md, Online forms), synced
 * fields of the referral: `received_via` ('online'), `possible_match` (the id of a person
 * already known with the same name and date of birth, or close) and `match_decision`
 * ('confirmed' or 'dismissed', once a manager has looked).
 */
export const m0024: Migration = {
  version: 24,
  name: '0024-online-referrals',
  up(db) {
    db.exec(`
      ALTER TABLE referrals ADD COLUMN received_via TEXT;
      ALTER TABLE referrals ADD COLUMN possible_match TEXT;
      ALTER TABLE referrals ADD COLUMN match_decision TEXT;
    `);
  },
};
