import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations } from '../../../server/db/migrate';
import { s0007 } from '../../../server/migrations/0007-case-origins';
import * as ops from '../../../server/admin/ops';
import { createTestDatabase, type TestDatabase } from '../pg-harness';

describe('server migration 0007: case origins', () => {
  let db: TestDatabase;
  const before = serverMigrations.filter((m) => m.version < 7);

  beforeAll(async () => {
    db = await createTestDatabase(before);
  });
  afterAll(() => db.drop());

  it('enters every case the service already knows (pushed, allocated or erased) once, with no device', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate');
    for (const [entity, id, caseId] of [
      ['referral', 'c-pushed', 'c-pushed'],
      ['person', 'p1', 'c-pushed'],
      ['advocate', 'a1', null],
    ]) {
      await db.pool.query(
        "INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, seq) VALUES ($1, $2, $3, 'name', $4, '\"x\"', 1, 1)",
        [org, entity, id, caseId],
      );
    }
    await db.pool.query(
      "INSERT INTO allocations (organisation_id, case_id, user_id) VALUES ($1, 'c-pushed', $2), ($1, 'c-allocated', $2)",
      [org, user],
    );
    await db.pool.query(
      "INSERT INTO erased_cases (organisation_id, case_id, erased_at, rule) VALUES ($1, 'c-erased', now(), 'later 6 years')",
      [org],
    );
    expect(await migrateServer(db.pool, [...before, s0007])).toEqual([7]);
    const r = await db.pool.query('SELECT case_id, device_id FROM case_origins ORDER BY case_id');
    expect(r.rows).toEqual([
      { case_id: 'c-allocated', device_id: null },
      { case_id: 'c-erased', device_id: null },
      { case_id: 'c-pushed', device_id: null },
    ]);
  });
});
