import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../../server/admin/ops';
import { s0013 } from '../../../server/migrations/0013-e2e-roster-and-proofs';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0013: wrap proofs and the sealed roster', () => {
  let db: ServiceDatabase;
  beforeAll(async () => {
    db = await serviceBefore(s0013);
  });
  afterAll(() => db.drop());

  it('keeps wrapped keys already there, and takes a roster only for an epoch the organisation has', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'manager');
    const device = '01900000-0000-7000-8000-000000000001';
    await db.pool.query("INSERT INTO devices (id, organisation_id, user_id, name) VALUES ($1, $2, $3, 'Laptop')", [
      device,
      org,
      user,
    ]);
    await db.pool.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now())',
      [org, device],
    );
    await db.pool.query(
      "INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, wrapped_by, created_at) VALUES ($1, 1, $2, 'w', $2, now())",
      [org, device],
    );
    expect(await db.upgrade()).toEqual([13]);
    expect((await db.pool.query('SELECT wrapped, proof FROM wrapped_keys')).rows).toEqual([
      { wrapped: 'w', proof: '' },
    ]);
    await expect(
      db.pool.query(
        "INSERT INTO key_rosters (organisation_id, epoch, version, sealed, updated_by, updated_at) VALUES ($1, 2, 1, 's', $2, now())",
        [org, device],
      ),
    ).rejects.toThrow(/foreign key/);
    await expect(
      db.pool.query(
        "INSERT INTO key_rosters (organisation_id, epoch, version, sealed, updated_by, updated_at) VALUES ($1, 1, 0, 's', $2, now())",
        [org, device],
      ),
    ).rejects.toThrow(/check/);
    await db.pool.query(
      "INSERT INTO key_rosters (organisation_id, epoch, version, sealed, updated_by, updated_at) VALUES ($1, 1, 1, 's', $2, now())",
      [org, device],
    );
  });
});
