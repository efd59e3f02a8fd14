import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markEncryptionRequired } from '../../electron/core/e2e/mode';
import * as ops from '../../server/admin/ops';
import { tableCounts } from '../server/pg-harness';
import { rawDevice, type RawDevice } from '../server/service-client';
import { TestOrgKey } from './e2e-setup';
import type { Transport } from '../../electron/core/sync/transport';
import type { Json, PullResponse } from '../../shared/sync/protocol';
import { Device, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-00000000ec01';
const underEpoch2 = <T extends { value: unknown }>(c: T): T => ({ ...c, value: { ...(c.value as object), ep: 2 } });

describe('pushes with encryption on', () => {
  let service: Service;
  let org: string;
  let alice: Device;
  let manager: Device;
  let aliceUser: string;
  let morganUser: string;
  let raw: RawDevice;
  const key = new TestOrgKey();
  const pool = () => service.db.pool;
  const kindOf = async (mutationId: string) =>
    (
      await pool().query<{ kind: string }>('SELECT kind FROM changes WHERE organisation_id = $1 AND mutation_id = $2', [
        org,
        mutationId,
      ])
    ).rows[0]?.kind;
  const lastWritten = (d: Device) => d.written.at(-1)!.mutationId;

  beforeAll(async () => {
    service = await startService();
    org = service.org;
    aliceUser = await ops.createUser(pool(), org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(pool(), org, 'Morgan', 'morgan@example.org', 'manager');
    morganUser = morgan;
    await ops.allocate(pool(), org, CASE, aliceUser);
    alice = await service.enrolledDevice(aliceUser);
    manager = await service.enrolledDevice(morgan);
    raw = await rawDevice(service.app, pool(), morgan);
    await key.enable(pool(), org, [alice, manager]);
    alice.write('t_notes', 'n1', CASE, { title: 'First visit' });
    await alice.client.syncNow();
    await manager.client.syncNow();
  });
  afterAll(() => service.close());

  it('the same value pushed from two laptops is still a no-op, a different one still a conflict', async () => {
    alice.write('t_notes', 'n1', CASE, { status: 'Waiting for the review' });
    manager.write('t_notes', 'n1', CASE, { status: 'Waiting for the review' });
    await alice.client.syncNow();
    await manager.client.syncNow();
    expect(await kindOf(lastWritten(alice))).toBe('change');
    expect(await kindOf(lastWritten(manager))).toBe('noop');
    expect(manager.row('t_notes', 'n1')!.status).toBe('Waiting for the review');

    alice.write('t_notes', 'n1', CASE, { status: 'Review booked' });
    manager.write('t_notes', 'n1', CASE, { status: 'Review cancelled' });
    await alice.client.syncNow();
    const report = await manager.client.syncNow();
    expect(await kindOf(lastWritten(manager))).toBe('conflict');
    expect(report.conflicts).toBe(1);
    await alice.client.syncNow();
    // Both laptops show both sides in words, opened from what the service kept sealed.
    for (const d of [alice, manager]) {
      const c = d.db.prepare('SELECT edit_value, kept_value FROM sync_conflicts').get() as {
        edit_value: string;
        kept_value: string;
      };
      expect(JSON.parse(c.edit_value)).toBe('Review cancelled');
      expect(JSON.parse(c.kept_value)).toBe('Review booked');
    }
    expect(manager.row('t_notes', 'n1')!.status).toBe('Review booked');
  });

  it('a no-op the service claims for a value other than the one sent is not taken: the laptop keeps its words and says so', async () => {
    const first = await pool().query(
      "SELECT value FROM changes WHERE organisation_id = $1 AND entity_id = 'n1' AND field = 'title' AND kind = 'change' ORDER BY changes.seq LIMIT 1",
      [org],
    );
    // A service that lies: every no-op it sends this laptop carries an older value of the same field.
    let lie: unknown = null;
    const lying: Transport = async (url, init) => {
      const res = await service.transport(url, init);
      if (!url.endsWith('/v1/pull') || lie === null || res.status !== 200) return res;
      const body = (await res.json()) as PullResponse;
      for (const c of body.changes) if (c.kind === 'noop') c.value = lie as never;
      return { ...res, json: async () => body };
    };
    const liar = await Device.create(lying);
    service.devices.push(liar);
    await liar.enrol(service, morganUser);
    key.give(liar);
    await liar.client.syncNow();
    alice.write('t_notes', 'n1', CASE, { title: 'Agreed title' });
    await alice.client.syncNow();
    liar.write('t_notes', 'n1', CASE, { title: 'Agreed title' });
    lie = first.rows[0]!.value;
    const report = await liar.client.syncNow();
    expect(await kindOf(lastWritten(liar))).toBe('noop');
    expect(report.unreadable).toBe(1);
    expect(liar.row('t_notes', 'n1')!.title).toBe('Agreed title');
    expect(liar.client.account()!.last_error).toMatch(/could not be verified/);
    const trail = liar.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'sync-refused-value'")
      .pluck()
      .all() as string[];
    expect(trail.join()).toContain('not_what_was_sent');
    expect(trail.join()).not.toContain('Agreed');
  });

  const refusals: [string, () => Parameters<RawDevice['push']>[0][number], RegExp][] = [
    [
      'a plain value',
      () => ({ entity: 't_notes', entityId: 'r1', caseId: CASE, field: 'title', value: 'Plain words' }),
      /encrypted, but this computer sent a change that was not/,
    ],
    [
      'a plain null',
      () => ({ entity: 't_notes', entityId: 'r1', caseId: CASE, field: 'title', value: null }),
      /encrypted, but this computer sent a change that was not/,
    ],
    [
      'a value sealed under an epoch the organisation does not have',
      () =>
        underEpoch2(key.sealed(org, { entity: 't_notes', entityId: 'r1', caseId: CASE, field: 'title', value: 'x' })),
      /key this organisation does not have/,
    ],
    [
      'a value sealed for another mutation',
      () => ({
        ...key.sealed(org, { entity: 't_notes', entityId: 'r1', caseId: CASE, field: 'title', value: 'x' }),
        mutationId: '01900000-0000-7000-8000-000000000bad',
      }),
      /form the service does not accept/,
    ],
    [
      'words in deleted_at',
      () => ({
        entity: 't_notes',
        entityId: 'r1',
        caseId: CASE,
        field: 'deleted_at',
        value: 'Deleted because Tallulah moved',
      }),
      /deletion was not in the form/,
    ],
    [
      'a sealed deleted_at',
      () => key.sealed(org, { entity: 't_notes', entityId: 'r1', caseId: CASE, field: 'title', value: 'x' }),
      /./,
    ],
    [
      'a malformed envelope',
      () => ({
        entity: 't_notes',
        entityId: 'r1',
        caseId: CASE,
        field: 'title',
        value: { $e2e: 1, ep: 1, c: 'Plain words' },
      }),
      /sealed value in a form/,
    ],
  ];

  for (const [what, make, message] of refusals) {
    it(`refuses ${what} with 400, and changes nothing`, async () => {
      let c = make();
      // A sealed deleted_at: an honest envelope moved into the one plain field.
      if (what === 'a sealed deleted_at') c = { ...c, field: 'deleted_at' };
      const before = await tableCounts(pool());
      const res = await raw.push([
        key.sealed(org, {
          entity: 't_notes',
          entityId: 'r0',
          caseId: CASE,
          field: 'title',
          value: 'An honest change beside it',
        }),
        c,
      ]);
      expect(res.status).toBe(400);
      expect((res.body.error as { message: string }).message).toMatch(message);
      expect((res.body.error as { message: string }).message).toMatch(/Nothing was changed/);
      expect(await tableCounts(pool())).toEqual(before);
    });
  }

  it('takes an allocation plain, as the service must read it, and only a person of the organisation in it', async () => {
    const allocation = (value: Json) =>
      key.sealed(org, { entity: 'case_allocation', entityId: CASE, caseId: null, field: 'user_id', value });
    const ok = await raw.push([allocation(aliceUser)]);
    expect(ok.status).toBe(200);
    expect((ok.body.results as { outcome: string }[])[0]!.outcome).toBe('applied');
    const words = await raw.push([allocation('Give this to the social worker who knows Tallulah')]);
    expect(words.status).toBe(400);
    expect((words.body.error as { message: string }).message).toMatch(/allocation was not in the form/);
    const sealedOne = { ...allocation(aliceUser) };
    const res = await raw.push([{ ...sealedOne, value: key.sealed(org, { ...sealedOne, field: 'title' }).value }]);
    expect(res.status).toBe(400);
  });

  it('takes a sealed value and a plain deletion', async () => {
    const res = await raw.push([
      key.sealed(org, { entity: 't_notes', entityId: 'r2', caseId: CASE, field: 'title', value: 'Sealed' }),
      key.sealed(org, {
        entity: 't_notes',
        entityId: 'r2',
        caseId: CASE,
        field: 'deleted_at',
        value: '2026-03-01T09:00:00.000Z',
      }),
    ]);
    expect(res.status).toBe(200);
    expect((res.body.results as { outcome: string }[]).map((r) => r.outcome)).toEqual(['applied', 'applied']);
  });

  it('sends an outbox of several batches sealed, each batch sealed while the one before is on its way', async () => {
    for (let i = 0; i < 2_500; i++) alice.write('t_notes', `bulk-${i}`, CASE, { title: `Bulk note ${i}` });
    const report = await alice.client.syncNow();
    expect(report.pushed).toBe(2_500);
    expect(alice.outboxCount()).toBe(0);
    const rows = await pool().query<{ entity_id: string; case_id: string; value: unknown }>(
      "SELECT entity_id, case_id, value FROM field_state WHERE organisation_id = $1 AND entity_id LIKE 'bulk-%' AND field = 'title'",
      [org],
    );
    expect(rows.rows.length).toBe(2_500);
    for (const r of rows.rows)
      expect(
        key.open(org, { entity: 't_notes', entityId: r.entity_id, field: 'title', caseId: r.case_id }, r.value),
      ).toBe(`Bulk note ${r.entity_id.slice(5)}`);
  });

  it('a laptop waiting for the key sends and fetches nothing, keeps its outbox and says why', async () => {
    const waiting = await service.enrolledDevice(aliceUser);
    markEncryptionRequired(waiting.db);
    waiting.write('t_notes', 'w1', CASE, { title: 'Typed while waiting' });
    const report = await waiting.client.syncNow();
    expect(report).toMatchObject({ pushed: 0, pulled: 0 });
    expect(waiting.outboxCount()).toBe(1);
    expect(waiting.client.account()!.last_error).toMatch(
      /Waiting for a manager to let this laptop read the organisation's records/,
    );
    expect(waiting.rows('t_notes').map((r) => r.id)).toEqual(['w1']);
    expect((await pool().query("SELECT 1 FROM field_state WHERE entity_id = 'w1'")).rowCount).toBe(0);
    // Given the key, it sends what waited, sealed, and catches up.
    key.give(waiting);
    await waiting.client.syncNow();
    expect(waiting.outboxCount()).toBe(0);
    expect(waiting.row('t_notes', 'n1')!.title).toBe(alice.row('t_notes', 'n1')!.title);
    const sent = await pool().query<{ value: unknown }>(
      "SELECT value FROM field_state WHERE entity_id = 'w1' AND field = 'title'",
    );
    expect(
      key.open(org, { entity: 't_notes', entityId: 'w1', field: 'title', caseId: CASE }, sent.rows[0]!.value),
    ).toBe('Typed while waiting');
  });

  it('a laptop that has not heard of the key never writes a sealed value into a record', async () => {
    const plain = await service.enrolledDevice(aliceUser);
    const report = await plain.client.syncNow();
    expect(report.unreadable).toBeGreaterThan(0);
    expect(plain.row('t_notes', 'n1')?.title ?? null).toBeNull();
    for (const r of plain.rows('t_notes')) expect(JSON.stringify(r)).not.toContain('$e2e');
  });
});
