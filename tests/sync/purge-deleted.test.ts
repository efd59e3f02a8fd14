import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { purgeDeleted } from '../../server/sync/purge-deleted';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { Device, SERVICE_URL, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000e1';
const GONE = 'note-gone';
const KEPT = 'note-kept';
const DAY = 24 * 60 * 60 * 1000;

describe('purging deleted records from the service', () => {
  let service: Service;
  let alice: string;
  const device = (user: string) => service.enrolledDevice(user);
  const held = async (entityId: string) => {
    const log = await service.db.pool.query('SELECT kind FROM changes WHERE entity_id = $1 ORDER BY seq', [entityId]);
    const fields = await service.db.pool.query('SELECT field FROM field_state WHERE entity_id = $1 ORDER BY field', [
      entityId,
    ]);
    return {
      logged: log.rows.map((r: { kind: string }) => r.kind),
      fields: fields.rows.map((r: { field: string }) => r.field),
    };
  };
  const soon = () => new Date(Date.now() + 60_000);

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
  });
  afterAll(() => service.close());

  it('waits for every active device and for the retention period, then removes the contents but not the deletion', async () => {
    const laptop = await device(alice);
    const spare = await device(alice);
    const drawer = await device(alice); // enrolled, then left in a drawer: it never syncs again
    laptop.write('t_cases', CASE, CASE, { name: 'Case E' });
    laptop.write('t_notes', GONE, CASE, { title: 'Words that were deleted' });
    laptop.write('t_notes', KEPT, CASE, { title: 'Words that stay' });
    await laptop.client.syncNow();
    await spare.client.syncNow();
    laptop.write('t_notes', GONE, CASE, { deleted_at: new Date().toISOString() });
    // Each device tells the service how far it has got when it next asks for more.
    for (let i = 0; i < 2; i++) for (const d of [laptop, spare]) await d.client.syncNow();
    expect(spare.row('t_notes', GONE)!.deleted_at).not.toBeNull();

    expect((await purgeDeleted(service.db.pool, service.org, soon())).records).toBe(0);
    expect((await held(GONE)).logged).toContain('change');

    // Asking for later changes is not having applied them: only the cursor the laptop saved counts.
    const synced = async (d: Device) =>
      (
        await service.db.pool.query('SELECT synced_seq::int AS s FROM devices WHERE id = $1', [
          d.client.account()!.device_id,
        ])
      ).rows[0].s as number;
    expect(await synced(spare)).toBe(spare.client.account()!.cursor);
    const head = spare.client.account()!.head;
    const ahead = await service.transport(`${SERVICE_URL}/v1/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${spare.client.account()!.access_token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, after: head, applied: 0 }),
    });
    expect(ahead.status).toBe(200);
    expect(await synced(spare)).toBe(0);
    await spare.client.syncNow();
    expect(await synced(spare)).toBe(spare.client.account()!.cursor);

    // The administrator is told which laptop holds the purge back.
    const drawerDevice = drawer.client.account()!.device_id;
    expect((await purgeDeleted(service.db.pool, service.org, soon())).heldBackBy.map((d) => d.deviceId)).toEqual([
      drawerDevice,
    ]);
    await ops.setDeviceStatus(service.db.pool, drawerDevice, 'revoked');
    expect((await purgeDeleted(service.db.pool, service.org, new Date(Date.now() - DAY))).records).toBe(0);

    const r = await purgeDeleted(service.db.pool, service.org, soon());
    expect(r.records).toBe(1);
    // Only the note that it was purged is logged, for the laptops.
    expect(await held(GONE)).toEqual({ logged: ['purged'], fields: ['deleted_at'] });
    expect((await held(KEPT)).fields).toEqual(['title']);
    const audit = await service.db.pool.query("SELECT case_id, detail FROM audit WHERE action = 'purge-deleted'");
    expect(audit.rows).toEqual([{ case_id: CASE, detail: '1 deleted record(s) purged' }]);
    // Nothing is waiting now, so no device is named, however long since it synced.
    expect(await purgeDeleted(service.db.pool, service.org, soon())).toMatchObject({ records: 0, heldBackBy: [] });

    // The laptops holding the case remove their own copy of the deleted note, and nothing else.
    const versions = (d: Device) =>
      d.db.prepare('SELECT count(*) FROM field_versions WHERE entity_id = ?').pluck().get(GONE);
    expect(spare.row('t_notes', GONE)).toBeDefined();
    await spare.client.syncNow();
    expect(spare.row('t_notes', GONE)).toBeUndefined();
    expect(versions(spare)).toBe(0);
    expect(spare.row('t_notes', KEPT)!.title).toBe('Words that stay');

    // An advocate who does not hold the case is not told which of its records were deleted.
    const bob = await ops.createUser(service.db.pool, service.org, 'Bob', 'bob@example.org', 'advocate');
    const other = await device(bob);
    const pulled = await service.transport(`${SERVICE_URL}/v1/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.client.account()!.access_token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, after: 0 }),
    });
    expect(
      ((await pulled.json()) as { changes: { kind: string }[] }).changes.filter((c) => c.kind === 'purged'),
    ).toEqual([]);
    await ops.setDeviceStatus(service.db.pool, other.client.account()!.device_id, 'revoked');
  });

  it('a laptop set up afterwards never receives the purged record', async () => {
    const fresh = await device(alice);
    await fresh.client.syncNow();
    expect(fresh.rows('t_notes').map((n) => n.id)).toEqual([KEPT]);
  });

  it('a late edit to the purged record is kept as a conflict, not half a record brought back', async () => {
    const laptop = service.devices[0]!;
    laptop.write('t_notes', GONE, CASE, { title: 'Typed offline before hearing of the deletion' });
    await laptop.client.syncNow();
    expect((await held(GONE)).fields).toEqual(['deleted_at']);
    const conflicts = await service.db.pool.query('SELECT reason FROM conflicts WHERE entity_id = $1', [GONE]);
    expect(conflicts.rows).toEqual([{ reason: 'deleted' }]);
    // The purge reached this laptop in the same sync, while its edit was still waiting for an
    // answer: the record stays here, with the edit's words in the conflict for a person to decide on.
    expect(laptop.row('t_notes', GONE)).toBeDefined();
    const local = laptop.db.prepare('SELECT reason, edit_value FROM sync_conflicts WHERE entity_id = ?').all(GONE);
    expect(local).toEqual([
      { reason: 'deleted', edit_value: JSON.stringify('Typed offline before hearing of the deletion') },
    ]);
  });
});
