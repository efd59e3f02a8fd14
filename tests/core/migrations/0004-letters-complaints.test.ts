import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0001 } from '../../../electron/core/db/migrations/0001-initial';
import { m0002 } from '../../../electron/core/db/migrations/0002-caseload';
import { m0003 } from '../../../electron/core/db/migrations/0003-fieldwork';
import { m0004 } from '../../../electron/core/db/migrations/0004-letters-complaints';
import { migrationStores } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0004 letters and complaints', () => {
  it('upgrades a version 3 store, keeping its rows, and adds synced tables without foreign keys', () => {
    db = stores.open();
    migrate(db, [m0001, m0002, m0003]);
    db.prepare(
      "INSERT INTO referrals (id, reference, status, urgency) VALUES ('r1', 'REF-1', 'open', 'standard')",
    ).run();
    migrate(db, [m0001, m0002, m0003, m0004]);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare("SELECT reference FROM referrals WHERE id = 'r1'").pluck().get()).toBe('REF-1');
    for (const table of ['complaints', 'letters']) {
      const cols = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
      expect(cols).toEqual(expect.arrayContaining(['id', 'case_id', 'deleted_at']));
      expect(db.prepare(`SELECT COUNT(*) FROM pragma_foreign_key_list('${table}')`).pluck().get()).toBe(0);
    }
    // A complaint may arrive by sync before its case: nothing refuses it.
    db.prepare(
      "INSERT INTO complaints (id, case_id, stage, received_on) VALUES ('c1', 'not-yet-synced', 'stage1', '2026-03-02')",
    ).run();
    expect(db.prepare('SELECT COUNT(*) FROM complaints').pluck().get()).toBe(1);
  });
});
