import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { rawDevice, type RawDevice } from './service-client';

/**
 * An advocate a case was taken from may have typed in it offline: such an edit is kept as a
 * `not_allocated` conflict for the new holder. A former holder acting in bad faith must not be
 * able to fill the new holder's conflicts with it for ever, nor with records that do not exist.
 */
describe("a former holder's edits kept for the case's new holder", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let ada: string;
  let bea: string;
  let former: RawDevice;
  const kase = uuidv7();
  const note = uuidv7();

  const keptFor = async (entityId: string) =>
    (
      await db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM conflicts WHERE reason = 'not_allocated' AND entity_id = $1",
        [entityId],
      )
    ).rows[0]!.n;
  const edit = (entityId: string, value: string) => ({
    entity: 'note',
    entityId,
    caseId: kase,
    field: 'body',
    value,
    baseVersion: 1,
  });
  const outcomes = (res: { body: Record<string, unknown> }) =>
    (res.body.results as { outcome: string; reason?: string }[]).map((r) => `${r.outcome}:${r.reason ?? ''}`);

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: db.pool, accessLimits: { formerHolderEditsPerDay: 3 } });
    org = await ops.createOrganisation(db.pool, 'Riverside');
    ada = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate');
    bea = await ops.createUser(db.pool, org, 'Bea', 'b@example.org', 'advocate');
    former = await rawDevice(app, db.pool, ada);
    const made = await former.push([
      { entity: 'referral', entityId: kase, caseId: kase, field: 'reference', value: 'REF-1' },
      { entity: 'note', entityId: note, caseId: kase, field: 'body', value: 'First visit' },
    ]);
    expect(outcomes(made)).toEqual(['applied:', 'applied:']);
    await ops.allocate(db.pool, org, kase, bea);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('keeps an edit to a record the service holds for the new holder, as before', async () => {
    const res = await former.push([edit(note, 'Typed offline before the case moved')]);
    expect(outcomes(res)).toEqual(['refused:not_held']);
    expect(await keptFor(note)).toBe(1);
  });

  it('keeps a note typed offline before the case moved, not yet on the service, within the same allowance (no word is lost)', async () => {
    const typed = uuidv7();
    const res = await former.push([{ ...edit(typed, 'Typed offline, never sent'), baseVersion: 0 }]);
    expect(outcomes(res)).toEqual(['refused:not_held']);
    expect(await keptFor(typed)).toBe(1);
    // Kept for the holder to decide on, not written into the case.
    const fields = await db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE entity_id = $1', [typed]);
    expect(fields.rows[0].n).toBe(0);
  });

  it("keeps at most the day's allowance from one device; the rest are refused only", async () => {
    const res = await former.push(Array.from({ length: 6 }, (_, i) => edit(note, `Flood ${i}`)));
    expect(outcomes(res)).toEqual(Array(6).fill('refused:not_held'));
    // One kept in each test above, one more now: three a day, whether the records exist or not.
    expect(await keptFor(note)).toBe(2);
    const invented = Array.from({ length: 5 }, () => uuidv7());
    const again = await former.push(invented.map((id) => edit(id, 'Records that never existed')));
    expect(outcomes(again)).toEqual(Array(5).fill('refused:not_held'));
    const planted = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM conflicts WHERE entity_id = ANY($1::text[])',
      [invented],
    );
    expect(planted.rows[0]!.n).toBe(0);
  });

  it('keeps nothing once the case was taken from them more than 14 days ago', async () => {
    // The new holder writes a note, so the record exists on the service.
    const holder = await rawDevice(app, db.pool, bea);
    const otherNote = uuidv7();
    expect(
      outcomes(
        await holder.push([{ entity: 'note', entityId: otherNote, caseId: kase, field: 'body', value: 'Bea visited' }]),
      ),
    ).toEqual(['applied:']);
    // The reallocation happened 15 days ago; a fresh device of the former holder has its whole allowance.
    await db.pool.query(
      "UPDATE changes SET created_at = created_at - interval '15 days' WHERE kind = 'allocation' AND case_id = $1",
      [kase],
    );
    const stale = await rawDevice(app, db.pool, ada);
    const res = await stale.push([edit(otherNote, 'Weeks later')]);
    expect(outcomes(res)).toEqual(['refused:not_held']);
    expect(await keptFor(otherNote)).toBe(0);
    // Within the 14 days it would have been kept.
    await db.pool.query(
      "UPDATE changes SET created_at = created_at + interval '2 days' WHERE kind = 'allocation' AND case_id = $1",
      [kase],
    );
    await stale.push([edit(otherNote, 'Within the fortnight')]);
    expect(await keptFor(otherNote)).toBe(1);
  });
});
