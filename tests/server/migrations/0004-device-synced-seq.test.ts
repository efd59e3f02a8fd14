import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0004 } from '../../../server/migrations/0004-device-synced-seq';
import * as ops from '../../../server/admin/ops';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0004: how far each device has synced', () => {
  let db: ServiceDatabase;

  beforeAll(async () => {
    db = await serviceBefore(s0004);
  });
  afterAll(() => db.drop());

  it('starts existing devices at 0, so nothing is purged until each has pulled again', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    await db.pool.query(
      "INSERT INTO devices (id, organisation_id, user_id, name) VALUES ('01900000-0000-7000-8000-0000000000d4', $1, $2, 'Laptop')",
      [org, user],
    );
    expect(await db.upgrade()).toEqual([4]);
    const r = await db.pool.query('SELECT name, synced_seq::int FROM devices');
    expect(r.rows).toEqual([{ name: 'Laptop', synced_seq: 0 }]);
  });
});
