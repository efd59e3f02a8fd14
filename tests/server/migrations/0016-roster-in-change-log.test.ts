import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0016 } from '../../../server/migrations/0016-roster-in-change-log';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0016: the service’s people become every laptop’s list of advocates', () => {
  let db: ServiceDatabase;
  beforeAll(async () => {
    db = await serviceBefore(s0016);
  });
  afterAll(() => db.drop());

  it('logs each advocate and manager once, after the log’s existing rows, per organisation; never an admin or another organisation’s person', async () => {
    const [org, other] = ['01900000-0000-7000-8000-00000000000a', '01900000-0000-7000-8000-00000000000b'];
    await db.pool.query("INSERT INTO organisations (id, name, last_seq) VALUES ($1, 'Service', 5), ($2, 'Other', 0)", [
      org,
      other,
    ]);
    await db.pool.query(
      `INSERT INTO users (id, organisation_id, name, email, role, active, created_at) VALUES
         ('01900000-0000-7000-8000-0000000000a1', $1, 'Ada', 'a@example.org', 'advocate', true, '2026-01-01'),
         ('01900000-0000-7000-8000-0000000000a2', $1, 'Bo', 'b@example.org', 'manager', false, '2026-01-02'),
         ('01900000-0000-7000-8000-0000000000a3', $1, 'Root', 'r@example.org', 'admin', true, '2026-01-03'),
         ('01900000-0000-7000-8000-0000000000b1', $2, 'Olu', 'o@example.org', 'advocate', true, '2026-01-01')`,
      [org, other],
    );
    expect(await db.upgrade()).toEqual([16]);
    const logged = await db.pool.query(
      "SELECT organisation_id AS org, seq::int, entity_id, field, value FROM changes WHERE entity = 'advocate' ORDER BY organisation_id, seq",
    );
    const ours = logged.rows.filter((r) => r.org === org);
    expect(ours.map((r) => r.seq)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(ours.map((r) => [r.entity_id.slice(-2), r.field, r.value])).toEqual([
      ['a1', 'name', 'Ada'],
      ['a1', 'role', 'advocate'],
      ['a1', 'service_status', 'active'],
      ['a2', 'name', 'Bo'],
      ['a2', 'role', 'manager'],
      ['a2', 'service_status', 'inactive'],
    ]);
    expect(logged.rows.filter((r) => r.org === other).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await db.pool.query('SELECT id::text, last_seq::int FROM organisations ORDER BY id')).rows).toEqual([
      { id: org, last_seq: 11 },
      { id: other, last_seq: 3 },
    ]);
    const state = await db.pool.query(
      "SELECT count(*)::int AS n FROM field_state WHERE entity = 'advocate' AND version = 1 AND case_id IS NULL",
    );
    expect(state.rows[0].n).toBe(9);
  });
});
