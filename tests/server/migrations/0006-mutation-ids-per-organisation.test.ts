import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations } from '../../../server/db/migrate';
import { s0006 } from '../../../server/migrations/0006-mutation-ids-per-organisation';
import * as ops from '../../../server/admin/ops';
import { createTestDatabase, type TestDatabase } from '../pg-harness';

describe('server migration 0006: mutation ids per organisation, request audit', () => {
  let db: TestDatabase;
  const before = serverMigrations.filter((m) => m.version < 6);

  beforeAll(async () => {
    db = await createTestDatabase(before);
  });
  afterAll(() => db.drop());

  it('lets two organisations use one mutation id, never one organisation twice, and counts cases per audit row', async () => {
    const one = await ops.createOrganisation(db.pool, 'One');
    const two = await ops.createOrganisation(db.pool, 'Two');
    const mutation = '01900000-0000-7000-8000-000000000099';
    const log = (org: string, seq: number) =>
      db.pool.query("INSERT INTO changes (organisation_id, seq, kind, mutation_id) VALUES ($1, $2, 'change', $3)", [
        org,
        seq,
        mutation,
      ]);
    await log(one, 1);
    expect(await migrateServer(db.pool, [...before, s0006])).toEqual([6]);
    await log(two, 1);
    await expect(log(one, 2)).rejects.toThrow(/duplicate key/);
    const conflict = (org: string, id: string) =>
      db.pool.query(
        "INSERT INTO conflicts (id, organisation_id, entity, entity_id, field, reason, edit_mutation_id, edit_value, kept_value, kept_version) VALUES ($1, $2, 'e', 'i', 'f', 'concurrent_edit', $3, '1', '2', 1)",
        [id, org, mutation],
      );
    await conflict(one, '01900000-0000-7000-8000-0000000000a1');
    await conflict(two, '01900000-0000-7000-8000-0000000000a2');
    await expect(conflict(one, '01900000-0000-7000-8000-0000000000a3')).rejects.toThrow(/duplicate key/);
    await db.pool.query("INSERT INTO audit (organisation_id, action, case_count) VALUES ($1, 'POST /v1/pull', 12)", [
      one,
    ]);
    expect((await db.pool.query("SELECT case_count FROM audit WHERE action = 'POST /v1/pull'")).rows).toEqual([
      { case_count: 12 },
    ]);
  });
});
