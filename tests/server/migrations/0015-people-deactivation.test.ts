import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0015 } from '../../../server/migrations/0015-people-deactivation';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0015: when a person was deactivated, and by whom they were added', () => {
  let db: ServiceDatabase;
  beforeAll(async () => {
    db = await serviceBefore(s0015);
  });
  afterAll(() => db.drop());

  it('dates the closing of accounts already closed, leaves open ones open, and adds no one as added by anyone', async () => {
    const org = '01900000-0000-7000-8000-00000000000a';
    await db.pool.query("INSERT INTO organisations (id, name) VALUES ($1, 'Service')", [org]);
    await db.pool.query(
      `INSERT INTO users (id, organisation_id, name, email, role, active) VALUES
         ('01900000-0000-7000-8000-0000000000a1', $1, 'Ada', 'a@example.org', 'advocate', true),
         ('01900000-0000-7000-8000-0000000000a2', $1, 'Bo', 'b@example.org', 'advocate', false)`,
      [org],
    );
    expect(await db.upgrade()).toEqual([15]);
    const rows = (
      await db.pool.query('SELECT name, active, deactivated_at IS NOT NULL AS dated, added_by FROM users ORDER BY name')
    ).rows;
    expect(rows).toEqual([
      { name: 'Ada', active: true, dated: false, added_by: null },
      { name: 'Bo', active: false, dated: true, added_by: null },
    ]);
    await expect(
      db.pool.query("UPDATE users SET added_by = '01900000-0000-7000-8000-0000000000ff' WHERE name = 'Ada'"),
    ).rejects.toThrow(/foreign key/);
  });
});
