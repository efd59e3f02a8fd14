import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0009 } from '../../../server/migrations/0009-plaintext-conversion';
import * as ops from '../../../server/admin/ops';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0009: plaintext conversion', () => {
  let db: ServiceDatabase;

  beforeAll(async () => {
    db = await serviceBefore(s0009);
  });
  afterAll(() => db.drop());

  it('leaves every existing organisation to be converted, with nothing counted yet, and keeps its records', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    await db.pool.query(
      "INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, seq) VALUES ($1, 'referral', 'c1', 'reference', 'c1', '\"HRD-1\"', 1, 1)",
      [org],
    );
    expect(await db.upgrade()).toEqual([9]);
    const r = await db.pool.query(
      'SELECT plaintext_converted_at, plaintext_rows_converted::int AS converted, plaintext_rows_removed::int AS removed FROM organisations WHERE id = $1',
      [org],
    );
    expect(r.rows).toEqual([{ plaintext_converted_at: null, converted: 0, removed: 0 }]);
    expect((await db.pool.query('SELECT value FROM field_state')).rows).toEqual([{ value: 'HRD-1' }]);
  });
});
