import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { deviceLine, heldBackLine } from '../../server/admin/print';
import * as ops from '../../server/admin/ops';
import { purgeDeleted } from '../../server/sync/purge-deleted';
import { uuidv7 } from '../../shared/domain/ids';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { rawDevice, type RawDevice } from './service-client';

/**
 * Purges of deleted records wait for every active device to say it has applied the deletion. A
 * device may not claim more than it was sent; one that claims less for ever is named, with what
 * it was sent, to the administrator.
 */
describe('what a device reports applied, and who holds purges back', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let honest: RawDevice;
  let stuck: RawDevice;
  const kase = uuidv7();
  const note = uuidv7();

  const pull = (d: RawDevice, body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/v1/pull',
      payload: { v: PROTOCOL_VERSION, ...body },
      headers: { authorization: `Bearer ${d.token}` },
    });
  const synced = async (d: RawDevice) =>
    (await db.pool.query<{ s: number }>('SELECT synced_seq::int AS s FROM devices WHERE id = $1', [d.deviceId]))
      .rows[0]!.s;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: db.pool });
    org = await ops.createOrganisation(db.pool, 'Riverside');
    const ada = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate');
    honest = await rawDevice(app, db.pool, ada);
    stuck = await rawDevice(app, db.pool, ada);
    await honest.push([
      { entity: 'referral', entityId: kase, caseId: kase, field: 'reference', value: 'REF-1' },
      { entity: 'note', entityId: note, caseId: kase, field: 'body', value: 'Words later deleted' },
    ]);
    await honest.push([
      { entity: 'note', entityId: note, caseId: kase, field: 'deleted_at', value: '2026-01-01T00:00:00.000Z' },
    ]);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('a report of having applied more than the device was sent counts only as far as it was sent', async () => {
    const first = (await pull(stuck, { after: 0 })).json() as { cursor: number };
    expect(first.cursor).toBeGreaterThan(0);
    // Claims to have applied changes the service has not even made yet.
    expect((await pull(stuck, { after: first.cursor, applied: first.cursor + 1000 })).statusCode).toBe(200);
    expect(await synced(stuck)).toBe(first.cursor);
    // Asking for changes after ones that do not exist yet is not being sent them.
    expect((await pull(stuck, { after: first.cursor + 500, applied: first.cursor + 600 })).statusCode).toBe(200);
    expect((await pull(stuck, { after: first.cursor + 500, applied: first.cursor + 600 })).statusCode).toBe(200);
    expect(await synced(stuck)).toBe(first.cursor);
  });

  it('a device that says it applied nothing, after being sent everything, is named to the administrator with both figures', async () => {
    const page = (await pull(honest, { after: 0 })).json() as { cursor: number };
    await pull(honest, { after: page.cursor, applied: page.cursor });
    await pull(stuck, { after: 0 });
    await pull(stuck, { after: page.cursor, applied: 0 });
    expect(await synced(stuck)).toBe(0);
    const r = await purgeDeleted(db.pool, org, new Date(Date.now() + 60_000));
    expect(r.records).toBe(0);
    expect(r.heldBackBy.map((d) => d.deviceId)).toEqual([stuck.deviceId]);
    const line = heldBackLine(r.heldBackBy[0]!);
    expect(line).toContain(`says it applied up to change 0 of the ${page.cursor} it was sent`);
    // The device list shows the same for every device, without purging anything.
    const listed = (await ops.listDevices(db.pool, org)).map(deviceLine);
    expect(listed.filter((l) => l.startsWith(stuck.deviceId))[0]).toContain(`applied 0 of ${page.cursor} sent`);
    expect(listed.filter((l) => l.startsWith(honest.deviceId))[0]).toContain(
      `applied ${page.cursor} of ${page.cursor} sent`,
    );
  });
});
