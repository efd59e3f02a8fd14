import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { m0023 } from '../../../electron/core/db/migrations/0023-service-people-and-allocations';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

describe('migration 0023: the service’s people and allocations', () => {
  const stores = migrationStores();
  const { before, through } = storeUpgrade(m0023);

  it('keeps every hand-typed advocate and their cases, marked as not from the service, and adds an empty allocations table', () => {
    const db = stores.open(before);
    db.prepare(
      "INSERT INTO advocates (id, name, role) VALUES ('a1', 'Sam Typed', 'advocate'), ('a2', 'Me', 'manager')",
    ).run();
    db.prepare(
      "INSERT INTO referrals (id, reference, status, allocated_to) VALUES ('c1', 'R26-AAAAA', 'open', 'a1')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(23);
    expect(db.prepare('SELECT id, name, role, service_status FROM advocates ORDER BY id').all()).toEqual([
      { id: 'a1', name: 'Sam Typed', role: 'advocate', service_status: null },
      { id: 'a2', name: 'Me', role: 'manager', service_status: null },
    ]);
    expect(db.prepare("SELECT allocated_to FROM referrals WHERE id = 'c1'").pluck().get()).toBe('a1');
    expect(db.prepare('SELECT count(*) FROM case_allocations').pluck().get()).toBe(0);
    expect(() => db.prepare("UPDATE advocates SET service_status = 'gone' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO case_allocations (id, user_id) VALUES ('c1', 'u1')").run();
  });
});
