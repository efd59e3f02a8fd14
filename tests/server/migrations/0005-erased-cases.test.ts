import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0005 } from '../../../server/migrations/0005-erased-cases';
import * as ops from '../../../server/admin/ops';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0005: erased cases', () => {
  let db: ServiceDatabase;

  beforeAll(async () => {
    db = await serviceBefore(s0005);
  });
  afterAll(() => db.drop());

  it('adds an empty list of erased cases, one row per case and organisation', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    expect(await db.upgrade()).toEqual([5]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM erased_cases')).rows[0].n).toBe(0);
    const add = () =>
      db.pool.query(
        "INSERT INTO erased_cases (organisation_id, case_id, erased_at, rule) VALUES ($1, 'c1', now(), 'later 6 years')",
        [org],
      );
    await add();
    await expect(add()).rejects.toThrow(/duplicate key/);
  });
});
