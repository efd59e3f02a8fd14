import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0009 } from '../../../electron/core/db/migrations/0009-sync-clock';
import { migrationStores, storeUpgrade } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

describe('migration 0009 sync clock', () => {
  it('keeps a connected account, with its clock not yet compared', () => {
    db = stores.open();
    const { before, through } = storeUpgrade(m0009);
    migrate(db, before);
    db.prepare(
      `INSERT INTO sync_account (id, service_url, device_id, user_id, organisation_id, role, user_name, organisation_name, refresh_token, enrolled_at)
       VALUES (1, 'https://sync.example.org', 'd1', 'u1', 'o1', 'advocate', 'Alice', 'Service', 'refresh-token-secret', '2026-11-01T09:00:00Z')`,
    ).run();
    migrate(db, through);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT device_id, refresh_token, clock_offset_ms FROM sync_account').get()).toEqual({
      device_id: 'd1',
      refresh_token: 'refresh-token-secret',
      clock_offset_ms: null,
    });
  });
});
