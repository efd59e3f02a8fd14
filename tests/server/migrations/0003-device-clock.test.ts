import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer } from '../../../server/db/migrate';
import { s0001 } from '../../../server/migrations/0001-initial';
import { s0002 } from '../../../server/migrations/0002-change-log-without-foreign-key';
import { s0003 } from '../../../server/migrations/0003-device-clock';
import * as ops from '../../../server/admin/ops';
import { createTestDatabase, type TestDatabase } from '../pg-harness';

describe('server migration 0003: each device clock', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase([s0001, s0002]);
  });
  afterAll(() => db.drop());

  it('keeps enrolled devices, listed with no clock reading until they next pull', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    await db.pool.query("INSERT INTO devices (id, organisation_id, user_id, name) VALUES ('01900000-0000-7000-8000-0000000000d1', $1, $2, 'Laptop')", [org, user]);
    expect(await migrateServer(db.pool, [s0001, s0002, s0003])).toEqual([3]);
    expect(await ops.listDevices(db.pool, org)).toMatchObject([{ name: 'Laptop', status: 'active', clock_offset_ms: null }]);
  });
});
