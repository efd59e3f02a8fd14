import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { ORGANISATION_RECORD_KINDS, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { pendingResponseSchema, type PendingItem } from '../../shared/sync/offservice';
import { Device, SERVICE_URL, startService, type Service } from '../sync/harness';
import { preEncryption } from '../sync/pre-encryption';

const cases = [
  '01900000-0000-7000-8000-0000000000e1',
  '01900000-0000-7000-8000-0000000000e2',
  '01900000-0000-7000-8000-0000000000e3',
];

describe('listing what is still plain, page by page', () => {
  let service: Service;
  let manager: Device;

  beforeAll(async () => {
    service = await startService();
    const alice = await service.enrolledDevice(
      await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate'),
    );
    // The manager's laptop meets a service without keys endpoints, so it makes no key and converts
    // nothing itself: these tests send the conversion's requests by hand.
    manager = await Device.create(preEncryption(service.transport).transport);
    await manager.enrol(
      service,
      await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager'),
    );
    service.devices.push(manager);
    for (const c of cases) alice.write('t_cases', c, c, { name: `Case ${c.slice(-2)}`, status: 'open' });
    await alice.client.syncNow();
    await manager.client.syncNow();
    // Three open conflicts: each side of each is a place to seal.
    for (const c of cases) {
      alice.write('t_cases', c, c, { status: 'waiting' });
      manager.write('t_cases', c, c, { status: 'closed' });
    }
    await alice.client.syncNow();
    await manager.client.syncNow();
    await service.db.pool.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now())',
      [service.org, manager.client.account()!.device_id],
    );
  });
  afterAll(() => service.close());

  const listAll = async (limit: number) => {
    const seen: PendingItem[] = [];
    const totals: (number | undefined)[] = [];
    let cursor: { afterField: unknown; afterConflict: string | null } | null = {
      afterField: null,
      afterConflict: null,
    };
    for (let pages = 0; cursor && pages < 100; pages++) {
      const r = await service.transport(`${SERVICE_URL}/v1/convert/pending`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${manager.client.account()!.access_token}`,
        },
        body: JSON.stringify({ v: PROTOCOL_VERSION, ...cursor, limit }),
      });
      const page = pendingResponseSchema.parse(await r.json());
      seen.push(...page.items);
      totals.push(page.remaining);
      cursor = page.next;
    }
    expect(cursor).toBeNull();
    return { seen, totals };
  };
  const key = (i: PendingItem) => (i.kind === 'field' ? `${i.entityId}/${i.field}` : `${i.conflictId}/${i.side}`);

  it('lists every plain field and both sides of every open conflict, whatever the page size, counting them on the first page', async () => {
    const fields = await service.db.pool.query(
      "SELECT entity_id || '/' || field AS k FROM field_state WHERE field <> 'deleted_at' AND entity <> ALL($1::text[]) ORDER BY 1",
      [ORGANISATION_RECORD_KINDS],
    );
    const conflicts = await service.db.pool.query(
      'SELECT id::text AS id FROM conflicts WHERE resolved_at IS NULL ORDER BY id',
    );
    expect(conflicts.rows).toHaveLength(3);
    const expected = [
      ...fields.rows.map((r: { k: string }) => r.k),
      ...conflicts.rows.flatMap((r: { id: string }) => [`${r.id}/edit`, `${r.id}/kept`]),
    ].sort();
    for (const limit of [1, 2, 3, 1000]) {
      const { seen, totals } = await listAll(limit);
      expect([...new Set(seen.map(key))].sort()).toEqual(expected);
      expect(totals[0]).toBe(expected.length);
      expect(totals.slice(1).every((t) => t === undefined)).toBe(true);
    }
  });
});
