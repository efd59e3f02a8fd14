import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations/index';
import { m0006 } from '../../../electron/core/db/migrations/0006-sync';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0006 sync', () => {
  it('upgrades a store from the version before it and keeps edits waiting in the outbox', () => {
    db = stores.open();
    const { before, through } = storeUpgrade(m0006);
    migrate(db, before);
    db.prepare(
      "INSERT INTO outbox (mutation_id, entity, entity_id, case_id, field, value, base_version, hlc, created_at) VALUES ('m1', 'referrals', 'r1', 'r1', 'reference', '\"HRD-1\"', 0, 'h', 'now')",
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT mutation_id FROM outbox').pluck().all()).toEqual(['m1']);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'sync_account',
      'sync_conflicts',
      'sync_parked',
      'sync_pending_purges',
      'sync_record_cases',
    ]);
  });

  it('holds at most one service account, so a device cannot be enrolled twice by accident', () => {
    db = stores.open();
    migrate(db, migrations);
    const add = (id: number) =>
      db
        .prepare(
          "INSERT INTO sync_account (id, service_url, device_id, user_id, organisation_id, role, user_name, organisation_name, refresh_token, enrolled_at) VALUES (?, 'https://s', 'd', 'u', 'o', 'advocate', 'A', 'O', 't', 'now')",
        )
        .run(id);
    add(1);
    expect(() => add(2)).toThrow();
  });
});
