import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations } from '../../../server/db/migrate';
import { s0008 } from '../../../server/migrations/0008-e2e-keys';
import * as ops from '../../../server/admin/ops';
import { createTestDatabase, type TestDatabase } from '../pg-harness';

describe('server migration 0008: end-to-end keys', () => {
  let db: TestDatabase;
  const before = serverMigrations.filter((m) => m.version < 8);

  beforeAll(async () => {
    db = await createTestDatabase(before);
  });
  afterAll(() => db.drop());

  it('leaves an existing organisation without encryption, and refuses a wrapped key for an epoch that does not exist', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'manager');
    const device = '01900000-0000-7000-8000-000000000001';
    await db.pool.query("INSERT INTO devices (id, organisation_id, user_id, name) VALUES ($1, $2, $3, 'Laptop')", [
      device,
      org,
      user,
    ]);
    expect(await migrateServer(db.pool, [...before, s0008])).toEqual([8]);
    expect((await db.pool.query('SELECT key_rotation_due FROM organisations WHERE id = $1', [org])).rows).toEqual([
      { key_rotation_due: false },
    ]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM key_epochs')).rows[0].n).toBe(0);
    await expect(
      db.pool.query(
        "INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, wrapped_by, created_at) VALUES ($1, 1, $2, 'x', $2, now())",
        [org, device],
      ),
    ).rejects.toThrow(/foreign key/);
    await db.pool.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now())',
      [org, device],
    );
    await db.pool.query(
      "INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, wrapped_by, created_at) VALUES ($1, 1, $2, 'x', $2, now())",
      [org, device],
    );
    await expect(
      db.pool.query(
        'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 0, $2, now())',
        [org, device],
      ),
    ).rejects.toThrow(/check/);
  });
});
