import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0014 } from '../../../electron/core/db/migrations/0014-closure-and-rights';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
const { before, through } = storeUpgrade(m0014);

describe('migration 0014 closure and rights', () => {
  it('keeps referrals and open actions as they were, with nothing cancelled, carried or told yet', () => {
    const db = stores.open(before);
    db.prepare("INSERT INTO referrals (id, reference, status) VALUES ('r1', 'R26-AAAAA', 'open')").run();
    db.prepare(
      "INSERT INTO case_actions (id, case_id, owner, description, due_on) VALUES ('a1', 'r1', 'advocate', 'Ring the IRO', '2026-12-10')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(
      db.prepare('SELECT status, closure_checklist, closure_told, social_worker_told_on FROM referrals').get(),
    ).toEqual({
      status: 'open',
      closure_checklist: null,
      closure_told: null,
      social_worker_told_on: null,
    });
    expect(db.prepare('SELECT description, cancelled_at, carried_reason FROM case_actions').get()).toEqual({
      description: 'Ring the IRO',
      cancelled_at: null,
      carried_reason: null,
    });
    // The open-actions index now leaves cancelled ones out.
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM case_actions WHERE done_at IS NULL AND cancelled_at IS NULL AND deleted_at IS NULL AND due_on <= '2026-12-31'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/case_actions_open/);
  });
});
