import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { openConflicts } from '../../electron/core/sync/conflicts';
import { PROTOCOL_VERSION, type PullResponse } from '../../shared/sync/protocol';
import { Device, SERVICE_URL, startService, type Service } from './harness';

const CASE_A = '01900000-0000-7000-8000-00000000000a';
const CASE_B = '01900000-0000-7000-8000-00000000000b';
const CASE_C = '01900000-0000-7000-8000-00000000000c';
const CASE_D = '01900000-0000-7000-8000-00000000000d';

describe('partial replication between devices and the service', () => {
  let service: Service;
  let alice: string;
  let bilal: string;
  let manager: string;
  const device = (user: string) => service.enrolledDevice(user);

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    bilal = await ops.createUser(service.db.pool, service.org, 'Bilal', 'bilal@example.org', 'advocate');
    manager = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
  });
  afterAll(() => service.close());

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
    const leaked = other.db
      .prepare('SELECT count(*) FROM field_versions WHERE entity_id IN (?, ?)')
      .pluck()
      .get(CASE_A, 'note-a1');
    expect(leaked).toBe(0);
  });

  it('moves a reallocated case: the old holder purges it, the new holder receives all of it', async () => {
    const [laptop, , other] = service.devices as [Device, Device, Device, Device];
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
    const [laptop, , other] = service.devices as [Device, Device, Device, Device];
    await laptop.client.syncNow();
    expect(laptop.row('t_notes', 'note-a1')).toBeDefined();
    laptop.write('t_notes', 'note-a1', CASE_A, { title: 'Written on the train' });
    await ops.allocate(service.db.pool, service.org, CASE_A, bilal);
    await laptop.client.syncNow();
    expect(laptop.outboxCount()).toBe(0);
    expect(laptop.row('t_notes', 'note-a1')).toBeUndefined();
    await other.client.syncNow();
    expect(other.row('t_notes', 'note-a1')!.title).toBe('Visit');
    expect(openConflicts(other.db)).toMatchObject([
      {
        entityId: 'note-a1',
        field: 'title',
        reason: 'not_allocated',
        editValue: 'Written on the train',
        keptValue: 'Visit',
        mine: false,
      },
    ]);
  });

  it('gives a new holder the conflicts still open on the case', async () => {
    const fresh = await device(bilal);
    await fresh.client.syncNow();
    expect(openConflicts(fresh.db)).toMatchObject([{ entityId: 'note-a1', editValue: 'Written on the train' }]);
  });

  it("finds an advocate's few changes in a long log, reading it a bounded stretch at a time", async () => {
    const mine = await device(alice);
    const theirs = await device(bilal);
    mine.write('t_cases', CASE_C, CASE_C, { name: 'Case C' });
    await mine.client.syncNow();
    theirs.write('t_cases', CASE_D, CASE_D, { name: 'Case D' });
    for (let i = 0; i < 40; i++) theirs.write('t_notes', `note-d${i}`, CASE_D, { title: `Visit ${i}` });
    await theirs.client.syncNow();
    mine.write('t_notes', 'note-c1', CASE_C, { title: 'After a long gap' });
    await mine.client.syncNow();

    // Pages of 2 for an advocate read at most 20 seqs each, so many pages are empty but not the end.
    const token = mine.client.account()!.access_token!;
    const pull = async (after: number) => {
      const res = await service.transport(`${SERVICE_URL}/v1/pull`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ v: PROTOCOL_VERSION, after, limit: 2 }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as PullResponse;
    };
    const seen = new Set<string>();
    let after = 0;
    let emptyButMore = 0;
    let page: PullResponse;
    do {
      page = await pull(after);
      expect(page.cursor - after).toBeLessThanOrEqual(20);
      expect(page.cursor).toBeGreaterThanOrEqual(after);
      if (!page.changes.length && page.more) emptyButMore++;
      for (const c of page.changes) if (c.kind === 'change') seen.add(`${c.entity}/${c.entityId}/${c.caseId}`);
      after = page.cursor;
    } while (page.more);
    expect(page.cursor).toBe(page.head);
    expect(emptyButMore).toBeGreaterThan(0);
    expect([...seen].filter((k) => k.endsWith(CASE_C)).sort()).toEqual([
      `t_cases/${CASE_C}/${CASE_C}`,
      `t_notes/note-c1/${CASE_C}`,
    ]);
    expect([...seen].filter((k) => k.endsWith(CASE_D))).toEqual([]);
  });
});
