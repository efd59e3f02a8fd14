import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { openConflicts } from '../../electron/core/sync/conflicts';
import { Device, startService, type Service } from './harness';

const CASE_A = '01900000-0000-7000-8000-00000000000a';
const CASE_B = '01900000-0000-7000-8000-00000000000b';

describe('partial replication between devices and the service', () => {
  let service: Service;
  let alice: string;
  let bilal: string;
  let manager: string;
  const devices: Device[] = [];
  const device = async (user: string) => {
    const d = await Device.create(service.transport);
    await d.enrol(service, user);
    devices.push(d);
    return d;
  };

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    bilal = await ops.createUser(service.db.pool, service.org, 'Bilal', 'bilal@example.org', 'advocate');
    manager = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
  });
  afterAll(async () => {
    for (const d of devices) d.dispose();
    await service.close();
  });

  it("brings an advocate's case to their other laptop and to the manager, never to another advocate", async () => {
    const laptop = await device(alice);
    const spare = await device(alice);
    const other = await device(bilal);
    const boss = await device(manager);
    laptop.write('t_cases', CASE_A, CASE_A, { name: 'Case A', status: 'open' });
    laptop.write('t_notes', 'note-a1', CASE_A, { title: 'Visit', body: { text: 'went well' } });
    other.write('t_cases', CASE_B, CASE_B, { name: 'Case B' });
    await laptop.client.syncNow();
    await other.client.syncNow();
    await spare.client.syncNow();
    await boss.client.syncNow();
    await laptop.client.syncNow();

    expect(laptop.outboxCount()).toBe(0);
    expect(spare.row('t_cases', CASE_A)).toMatchObject({ name: 'Case A', status: 'open' });
    expect(JSON.parse(spare.row('t_notes', 'note-a1')!.body as string)).toEqual({ text: 'went well' });
    expect(boss.rows('t_cases').map((r) => r.id)).toEqual([CASE_A, CASE_B]);
    expect(other.rows('t_cases').map((r) => r.id)).toEqual([CASE_B]);
    expect(other.rows('t_notes')).toEqual([]);
    const leaked = other.db.prepare('SELECT count(*) FROM field_versions WHERE entity_id IN (?, ?)').pluck().get(CASE_A, 'note-a1');
    expect(leaked).toBe(0);
  });

  it('moves a reallocated case: the old holder purges it, the new holder receives all of it', async () => {
    const [laptop, , other] = devices as [Device, Device, Device, Device];
    laptop.write('t_notes', 'note-a2', CASE_A, { title: 'Second visit' });
    await laptop.client.syncNow();
    await ops.allocate(service.db.pool, service.org, CASE_A, bilal);
    await laptop.client.syncNow();
    await other.client.syncNow();
    expect(laptop.row('t_cases', CASE_A)).toBeUndefined();
    expect(laptop.rows('t_notes')).toEqual([]);
    expect(other.row('t_cases', CASE_A)).toMatchObject({ name: 'Case A' });
    expect(other.rows('t_notes').map((r) => r.id)).toEqual(['note-a1', 'note-a2']);
    await ops.allocate(service.db.pool, service.org, CASE_A, alice);
  });

  it('keeps an edit made offline to a case that was reallocated meanwhile, for the new holder to resolve', async () => {
    const [laptop, , other] = devices as [Device, Device, Device, Device];
    await laptop.client.syncNow();
    expect(laptop.row('t_notes', 'note-a1')).toBeDefined();
    laptop.write('t_notes', 'note-a1', CASE_A, { title: 'Written on the train' });
    await ops.allocate(service.db.pool, service.org, CASE_A, bilal);
    await laptop.client.syncNow();
    expect(laptop.outboxCount()).toBe(0);
    expect(laptop.row('t_notes', 'note-a1')).toBeUndefined();
    await other.client.syncNow();
    expect(other.row('t_notes', 'note-a1')!.title).toBe('Visit');
    expect(openConflicts(other.db)).toMatchObject([{ entityId: 'note-a1', field: 'title', reason: 'not_allocated', editValue: 'Written on the train', keptValue: 'Visit', mine: false }]);
  });

  it('gives a new holder the conflicts still open on the case', async () => {
    const fresh = await device(bilal);
    await fresh.client.syncNow();
    expect(openConflicts(fresh.db)).toMatchObject([{ entityId: 'note-a1', editValue: 'Written on the train' }]);
  });
});
