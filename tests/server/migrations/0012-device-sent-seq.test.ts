import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s0012 } from '../../../server/migrations/0012-device-sent-seq';
import * as ops from '../../../server/admin/ops';
import { serviceBefore, type ServiceDatabase } from '../migration-harness';

describe('server migration 0012: how far each device has been sent', () => {
  let db: ServiceDatabase;

  beforeAll(async () => {
    db = await serviceBefore(s0012);
  });
  afterAll(() => db.drop());

  it('starts existing devices at what they last reported applied, so no report is lowered by the upgrade; indexes kept edits by device', async () => {
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    await db.pool.query(
      "INSERT INTO devices (id, organisation_id, user_id, name, synced_seq) VALUES ('01900000-0000-7000-8000-0000000000d4', $1, $2, 'Laptop', 42), ('01900000-0000-7000-8000-0000000000d5', $1, $2, 'New', 0)",
      [org, user],
    );
    expect(await db.upgrade()).toEqual([12]);
    const r = await db.pool.query('SELECT name, synced_seq::int, sent_seq::int FROM devices ORDER BY name');
    expect(r.rows).toEqual([
      { name: 'Laptop', synced_seq: 42, sent_seq: 42 },
      { name: 'New', synced_seq: 0, sent_seq: 0 },
    ]);
    const index = await db.pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'conflicts_kept_by_device'");
    expect(index.rows[0].indexdef).toMatch(/\(edit_device, created_at\) WHERE \(reason = 'not_allocated'::text\)/);
  });
});
