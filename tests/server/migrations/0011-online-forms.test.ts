import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0011 } from '../../../server/migrations/0011-online-forms';
import * as ops from '../../../server/admin/ops';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0011: online forms', () => {
  let db: ServiceDatabase;
  beforeAll(async () => {
    db = await serviceBefore(s0011);
  });
  afterAll(() => db.drop());

  it('adds empty intake tables to an existing service and keeps one use per link and known audiences only', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'manager');
    const device = '01900000-0000-7000-8000-000000000001';
    await db.pool.query("INSERT INTO devices (id, organisation_id, user_id, name) VALUES ($1, $2, $3, 'Laptop')", [
      device,
      org,
      user,
    ]);
    expect(await db.upgrade()).toEqual([11]);
    for (const t of ['intake_keys', 'intake_submissions', 'intake_daily', 'feedback_links']) {
      expect((await db.pool.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n).toBe(0);
    }
    const link = (id: string, audience: string, hash: string) =>
      db.pool.query(
        "INSERT INTO feedback_links (id, organisation_id, case_id, audience, token_hash, created_by, created_at, expires_at) VALUES ($1, $2, 'case-1', $3, decode($4, 'hex'), $5, now(), now())",
        [id, org, audience, hash, device],
      );
    await link('01900000-0000-7000-8000-0000000000a1', 'carer', 'aa');
    await expect(link('01900000-0000-7000-8000-0000000000a2', 'stranger', 'bb')).rejects.toThrow(/check/);
    await expect(link('01900000-0000-7000-8000-0000000000a3', 'parent', 'aa')).rejects.toThrow(/unique|duplicate/);
  });
});
