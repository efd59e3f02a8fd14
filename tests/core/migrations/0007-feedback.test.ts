import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations/index';
import { m0007 } from '../../../electron/core/db/migrations/0007-feedback';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0007 feedback', () => {
  it('upgrades a store from the version before it and keeps its referrals', () => {
    db = stores.open();
    const { before, through } = storeUpgrade(m0007);
    migrate(db, before);
    db.prepare("INSERT INTO referrals (id, reference) VALUES ('r1', 'HRD-1')").run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT reference FROM referrals').pluck().all()).toEqual(['HRD-1']);
    const cols = db.prepare("SELECT name FROM pragma_table_info('feedback_forms')").pluck().all();
    expect(cols).toEqual(
      expect.arrayContaining(['id', 'case_id', 'kind', 'received_date', 'comment', 'may_quote', 'deleted_at']),
    );
  });

  it('accepts a form before its case arrives (no foreign key), and only known section kinds', () => {
    db = stores.open();
    migrate(db, migrations);
    db.prepare(
      "INSERT INTO feedback_forms (id, case_id, kind, received_date) VALUES ('f1', 'not-yet-synced', 'young_person', '2026-05-01')",
    ).run();
    expect(db.prepare('SELECT count(*) FROM feedback_forms').pluck().get()).toBe(1);
    const insert = (kind: string) =>
      db
        .prepare(
          "INSERT INTO report_sections (id, period_from, period_to, kind, position, title, body, updated_at) VALUES (?, '2026-04-01', '2026-06-30', ?, 1, 't', 'b', 'now')",
        )
        .run(kind, kind);
    expect(() => insert('narrative')).not.toThrow();
    expect(() => insert('gossip')).toThrow();
  });
});
