import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0003 } from '../../../server/migrations/0003-device-clock';
import * as ops from '../../../server/admin/ops';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0003: each device clock', () => {
  let db: ServiceDatabase;

  beforeAll(async () => {
    db = await serviceBefore(s0003);
  });
  afterAll(() => db.drop());

  it('keeps enrolled devices, listed with no clock reading until they next pull', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    await db.pool.query(
      "INSERT INTO devices (id, organisation_id, user_id, name) VALUES ('01900000-0000-7000-8000-0000000000d1', $1, $2, 'Laptop')",
      [org, user],
    );
    expect(await db.upgrade()).toEqual([3]);
    // Read directly: the admin listing reads columns later migrations add.
    expect((await db.pool.query('SELECT name, status, clock_offset_ms FROM devices')).rows).toEqual([
      { name: 'Laptop', status: 'active', clock_offset_ms: null },
    ]);
  });
});
