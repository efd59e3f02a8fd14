import type { Migration } from '../migration';

/**
 * Closing a case with its open work settled, and rights recorded at intake:
 * - referrals: what was decided about each piece of open work at closure, what the young person
 *   was told on leaving (how to complain about the service, ask for a different advocate, come
 *   back), and when the social worker was told an advocate is involved (young or non-instructed);
 * - actions: cancelled (with a reason) or carried past closure (with a reason), so none vanish.
 */
export const m0014: Migration = {
  version: 14,
  name: '0014-closure-and-rights',
  up(db) {
    db.exec(`
      ALTER TABLE referrals ADD COLUMN closure_checklist TEXT;
      ALTER TABLE referrals ADD COLUMN closure_told TEXT;
      ALTER TABLE referrals ADD COLUMN social_worker_told_on TEXT;
      ALTER TABLE referrals ADD COLUMN social_worker_told_how TEXT;
      ALTER TABLE case_actions ADD COLUMN cancelled_at TEXT;
      ALTER TABLE case_actions ADD COLUMN cancel_reason TEXT;
      ALTER TABLE case_actions ADD COLUMN carried_reason TEXT;
      DROP INDEX case_actions_open;
      CREATE INDEX case_actions_open ON case_actions (due_on) WHERE done_at IS NULL AND cancelled_at IS NULL AND deleted_at IS NULL;
    `);
  },
};
