import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0010 } from '../../../electron/core/db/migrations/0010-sync-pending-tombstones';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0010 sync pending tombstones', () => {
  it('keeps the records and the changes waiting to be sent, and starts with nothing pending', () => {
    db = stores.open();
    const { before, through } = storeUpgrade(m0010);
    migrate(db, before);
    db.prepare(
      "INSERT INTO outbox (mutation_id, entity, entity_id, case_id, field, value, base_version, hlc, created_at) VALUES ('m1', 'note', 'n1', 'c1', 'title', '\"Visit\"', 0, 'h', '2026-11-01T09:00:00Z')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT entity_id, field FROM outbox').all()).toEqual([{ entity_id: 'n1', field: 'title' }]);
    db.prepare("INSERT INTO sync_pending_tombstones (entity, entity_id) VALUES ('note', 'n1')").run();
    expect(() =>
      db.prepare("INSERT INTO sync_pending_tombstones (entity, entity_id) VALUES ('note', 'n1')").run(),
    ).toThrow(/UNIQUE|PRIMARY/);
  });
});
