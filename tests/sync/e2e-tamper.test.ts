import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { TestOrgKey } from './e2e-setup';
import { startService, type Device, type Service } from './harness';

const CASE_A = '01900000-0000-7000-8000-00000000ea01';
const CASE_B = '01900000-0000-7000-8000-00000000eb01';

/**
 * A hostile service (or anyone with write access to its database) moves sealed values between
 * records, fields and cases, alters them, replays an old one, or slips in a plain one. The
 * laptop must refuse each: never apply it, keep its own copy, tell the person, and record ids only.
 */
describe('values tampered with in PostgreSQL are refused by the laptop', () => {
  let service: Service;
  let org: string;
  let alice: Device;
  let manager: Device;
  let bilalUser: string;
  const key = new TestOrgKey();
  const pool = () => service.db.pool;

  const stateOf = async (entityId: string, field: string) =>
    (
      await pool().query<{ value: Record<string, unknown> }>(
        'SELECT value FROM field_state WHERE organisation_id = $1 AND entity_id = $2 AND field = $3',
        [org, entityId, field],
      )
    ).rows[0]!.value;
  const lastChange = async (entityId: string, field: string) =>
    (
      await pool().query<{ seq: string; value: Record<string, unknown> }>(
        "SELECT seq::text, value FROM changes WHERE organisation_id = $1 AND entity_id = $2 AND field = $3 AND kind = 'change' ORDER BY changes.seq DESC LIMIT 1",
        [org, entityId, field],
      )
    ).rows[0]!;
  const refusalsIn = (d: Device) =>
    d.db.prepare("SELECT detail FROM audit_log WHERE action = 'sync-refused-value'").pluck().all() as string[];

  beforeAll(async () => {
    service = await startService();
    org = service.org;
    const aliceUser = await ops.createUser(pool(), org, 'Alice', 'alice@example.org', 'advocate');
    bilalUser = await ops.createUser(pool(), org, 'Bilal', 'bilal@example.org', 'advocate');
    const morgan = await ops.createUser(pool(), org, 'Morgan', 'morgan@example.org', 'manager');
    await ops.allocate(pool(), org, CASE_A, aliceUser);
    alice = await service.enrolledDevice(aliceUser);
    manager = await service.enrolledDevice(morgan);
    await key.enable(pool(), org, [alice, manager]);
    alice.write('t_notes', 'n1', CASE_A, { title: 'Alpha one', status: 'Placement stable' });
    alice.write('t_notes', 'n2', CASE_A, { title: 'Alpha two' });
    manager.write('t_notes', 'm1', CASE_B, { title: 'Bravo one' });
    await alice.client.syncNow();
    await manager.client.syncNow();
    await manager.client.syncNow();
    expect(manager.row('t_notes', 'n1')).toMatchObject({ title: 'Alpha one' });
  });
  afterAll(() => service.close());

  type Tamper = (sealed: Record<string, unknown>) => Promise<unknown>;
  const cases: [string, Tamper][] = [
    ['moved from another record', () => stateOf('n2', 'title')],
    ['moved from another field of the record', () => stateOf('n1', 'status')],
    ['moved from a record of another case', () => stateOf('m1', 'title')],
    [
      'altered',
      async (v) => ({
        ...v,
        c: `${String(v.c).slice(0, 10)}${String(v.c)[10] === 'A' ? 'B' : 'A'}${String(v.c).slice(11)}`,
      }),
    ],
    ['given a MAC of its own', async (v) => ({ ...v, m: 'AAAAAAAAAAAAAAAAAAAAAA' })],
    [
      'an older value replayed',
      async () =>
        (
          await pool().query(
            "SELECT value FROM changes WHERE organisation_id = $1 AND entity_id = 'n1' AND field = 'title' AND kind = 'change' ORDER BY seq LIMIT 1",
            [org],
          )
        ).rows[0]!.value,
    ],
    ['claiming an epoch the laptop was never given', async (v) => ({ ...v, ep: 2 })],
    ['replaced by a plain value', async () => 'Words the service made up'],
  ];

  for (const [what, tamper] of cases) {
    it(`a value ${what}`, async () => {
      const before = manager.row('t_notes', 'n1')!.title;
      const refusedBefore = refusalsIn(manager).length;
      alice.write('t_notes', 'n1', CASE_A, { title: `New title (${what})` });
      await alice.client.syncNow();
      const row = await lastChange('n1', 'title');
      const forged = await tamper(row.value);
      await pool().query('UPDATE changes SET value = $3::jsonb WHERE organisation_id = $1 AND seq = $2', [
        org,
        row.seq,
        JSON.stringify(forged),
      ]);

      const report = await manager.client.syncNow();
      expect(report.unreadable).toBe(1);
      // Never applied: the laptop keeps the copy it had.
      expect(manager.row('t_notes', 'n1')!.title).toBe(before);
      const status = manager.client.account()!.last_error ?? '';
      expect(status).toMatch(/could not be verified/);
      const refusals = refusalsIn(manager);
      expect(refusals.length).toBe(refusedBefore + 1);
      // The trail names the record and field, never a value.
      expect(refusals.at(-1)).toContain('t_notes n1 field title');
      for (const words of ['Alpha', 'Bravo', 'New title', 'made up', 'Placement']) {
        expect(status).not.toContain(words);
        expect(refusals.at(-1)).not.toContain(words);
      }
      // The honest value still reaches the laptop once the service sends it whole.
      await pool().query('UPDATE changes SET value = $3::jsonb WHERE organisation_id = $1 AND seq = $2', [
        org,
        row.seq,
        JSON.stringify(row.value),
      ]);
    });
  }

  it('a case’s state swapped in field_state is refused when the case is given to another advocate', async () => {
    const n2 = await stateOf('n2', 'title');
    const n1Status = await stateOf('n1', 'status');
    await pool().query(
      "UPDATE field_state SET value = $2::jsonb WHERE organisation_id = $1 AND entity_id = 'n1' AND field = 'title'",
      [org, JSON.stringify(n2)],
    );
    await pool().query(
      "UPDATE field_state SET value = $2::jsonb WHERE organisation_id = $1 AND entity_id = 'n2' AND field = 'title'",
      [org, JSON.stringify(n1Status)],
    );
    const bilal = await service.enrolledDevice(bilalUser);
    key.give(bilal);
    await ops.allocate(pool(), org, CASE_A, bilalUser);
    const report = await bilal.client.syncNow();
    expect(report.unreadable).toBe(2);
    // The swapped state did not land under either record: each keeps the value its own log rows
    // (which reach a new holder before the case's state) gave it.
    expect(bilal.row('t_notes', 'n1')).toMatchObject({
      title: 'New title (replaced by a plain value)',
      status: 'Placement stable',
    });
    expect(bilal.row('t_notes', 'n2')).toMatchObject({ title: 'Alpha two' });
    expect(bilal.client.account()!.last_error).toMatch(/The service sent 2 changes that could not be verified/);
  });
});
