import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0002 } from '../../../server/migrations/0002-change-log-without-foreign-key';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0002: the change log without its foreign key', () => {
  let db: ServiceDatabase;
  let pool: pg.Pool;
  const org = '01900000-0000-7000-8000-000000000001';

  beforeAll(async () => {
    // A database as the first release left it, with a row in its log.
    db = await serviceBefore(s0002);
    pool = db.pool;
    await pool.query("INSERT INTO organisations (id, name, last_seq) VALUES ($1, 'Service', 1)", [org]);
    await pool.query(
      "INSERT INTO changes (organisation_id, seq, kind, entity, entity_id, field, value, version) VALUES ($1, 1, 'change', 't_notes', 'n1', 'body', '\"words\"', 1)",
      [org],
    );
  });
  afterAll(() => db.drop());

  it('drops only the foreign key and keeps every logged change', async () => {
    const fk = () => pool.query("SELECT 1 FROM pg_constraint WHERE conname = 'changes_organisation_id_fkey'");
    expect((await fk()).rowCount).toBe(1);
    expect(await db.upgrade()).toEqual([2]);
    expect((await fk()).rowCount).toBe(0);
    const rows = await pool.query('SELECT seq::int, value FROM changes');
    expect(rows.rows).toEqual([{ seq: 1, value: 'words' }]);
    // The log's own keys still hold: a second row at the same seq is refused.
    await expect(
      pool.query("INSERT INTO changes (organisation_id, seq, kind) VALUES ($1, 1, 'change')", [org]),
    ).rejects.toThrow(/duplicate key/);
  });
});
