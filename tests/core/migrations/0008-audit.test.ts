import { describe, expect, it } from 'vitest';
import { appendAudit, checkAuditChain } from '../../../electron/core/audit/audit-log';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0001 } from '../../../electron/core/db/migrations/0001-initial';
import { m0008 } from '../../../electron/core/db/migrations/0008-audit';
import { migrationStores } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0008 audit', () => {
  it('upgrades a version 1 store, keeping its rows, with an empty intact trail', () => {
    db = stores.open();
    migrate(db, [m0001]);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'd1')").run();
    migrate(db, [m0001, m0008]);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).toBe('d1');
    expect(checkAuditChain(db)).toEqual({ entries: 0, firstBreak: null });
  });

  it('refuses to change or delete a written entry', () => {
    db = stores.open();
    migrate(db, [m0001, m0008]);
    appendAudit(db, 'd1', new Date('2026-01-01T10:00:00Z'), [
      { action: 'case-opened', method: 'notes.list', caseId: 'c1' },
    ]);
    expect(() => db.prepare("UPDATE audit_log SET case_id = 'c2'").run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/cannot be changed/);
    expect(db.prepare('SELECT case_id FROM audit_log').pluck().all()).toEqual(['c1']);
  });
});
