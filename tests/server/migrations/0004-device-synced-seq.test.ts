import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations } from '../../../server/db/migrate';
import { s0004 } from '../../../server/migrations/0004-device-synced-seq';
import * as ops from '../../../server/admin/ops';
import { createTestDatabase, type TestDatabase } from '../pg-harness';

describe('server migration 0004: how far each device has synced', () => {
  let db: TestDatabase;
  const before = serverMigrations.filter((m) => m.version < 4);

  beforeAll(async () => {
    db = await createTestDatabase(before);
  });
  afterAll(() => db.drop());

  it('starts existing devices at 0, so nothing is purged until each has pulled again', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    await db.pool.query("INSERT INTO devices (id, organisation_id, user_id, name) VALUES ('01900000-0000-7000-8000-0000000000d4', $1, $2, 'Laptop')", [org, user]);
    expect(await migrateServer(db.pool, [...before, s0004])).toEqual([4]);
    const r = await db.pool.query('SELECT name, synced_seq::int FROM devices');
    expect(r.rows).toEqual([{ name: 'Laptop', synced_seq: 0 }]);
  });
});
