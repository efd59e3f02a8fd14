import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { allocateCase } from '../../server/sync/allocate';
import { dueOnService, eraseOnService } from '../../server/sync/retention';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

const DUE = '01900000-0000-7000-8000-0000000000a1';
const OPEN = '01900000-0000-7000-8000-0000000000a2';
const PERSON = '01900000-0000-7000-8000-0000000000a3';
const OLD_CASE = '01900000-0000-7000-8000-0000000000a4';
const NEW_CASE = '01900000-0000-7000-8000-0000000000a5';
const SHARED_PERSON = '01900000-0000-7000-8000-0000000000a6';
const FORMER = '01900000-0000-7000-8000-0000000000a7';
const policy = { basis: 'later' as const, years: 6 };
const now = new Date('2026-11-23T10:00:00Z');

describe('erasing a case from the service at the end of its retention period', () => {
  let service: Service;
  let laptop: TestCore;
  let office: TestCore;

  beforeAll(async () => {
    service = await startService();
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    office = await createTestCore({ syncTransport: service.transport, autoSync: false });
    laptop.core.context.write((w) => {
      w.upsert('person', PERSON, DUE, { first_name: 'Zephyrine', last_name: 'Test', kind: 'young_person', date_of_birth: '1985-06-01' });
      w.upsert('referral', DUE, DUE, { reference: 'HRD-0101', person_id: PERSON, status: 'closed', closure_date: '2015-03-01' });
      w.upsert('referral', OPEN, OPEN, { reference: 'HRD-0102', status: 'open' });
    });
    for (const [t, user] of [[laptop, alice], [office, morgan]] as const) {
      const { code } = await ops.issueEnrolmentCode(service.db.pool, user);
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code });
      await t.call('sync.now', {});
    }
  });
  afterAll(async () => {
    laptop.dispose();
    office.dispose();
    await service.close();
  });

  const referralIds = (t: TestCore) => t.core.context.db().prepare('SELECT id FROM referrals ORDER BY id').pluck().all();

  it('lists only the closed case whose period has ended, by reference, and refuses a wrong count or a case not due', async () => {
    expect(referralIds(office)).toEqual([DUE, OPEN]);
    expect(await dueOnService(service.db.pool, service.org, policy, '2026-11-23')).toEqual([{ caseId: DUE, reference: 'HRD-0101', closureDate: '2015-03-01', dueOn: '2021-03-01', ruleUsed: 'closure' }]);
    await expect(eraseOnService(service.db.pool, service.org, [DUE], 2, policy, now)).rejects.toThrow(/--confirm 1/);
    await expect(eraseOnService(service.db.pool, service.org, [DUE, OPEN], 2, policy, now)).rejects.toThrow(/1 of the cases is not closed and due/);
    const held = await service.db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE case_id = $1', [DUE]);
    expect(held.rows[0].n).toBeGreaterThan(0);
  });

  it('erases it from the service and from every laptop, and an edit made offline meanwhile does not bring it back', async () => {
    expect(await eraseOnService(service.db.pool, service.org, [DUE], 1, policy, now)).toMatchObject({ erased: 1 });
    const left = await service.db.pool.query("SELECT kind FROM changes WHERE case_id = $1 UNION ALL SELECT 'state' FROM field_state WHERE case_id = $1", [DUE]);
    expect(left.rows).toEqual([{ kind: 'erased' }]);

    // The laptop has not heard yet and edits the case, then syncs: push first, then the erasure arrives.
    laptop.core.context.write((w) => w.upsert('referral', DUE, DUE, { closure_note: 'typed on the train' }));
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).toEqual([OPEN]);
    expect(laptop.core.context.db().prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect((await laptop.call('sync.status', {})).waiting).toBe(0);
    // Nothing of the case is left in sync's own tables either (the edit's acknowledgement included).
    for (const table of ['sync_parked', 'sync_record_cases', 'field_versions']) expect(laptop.core.context.db().prepare(`SELECT count(*) FROM ${table} WHERE entity_id = ? OR entity_id = ?`).pluck().get(DUE, PERSON)).toBe(0);
    expect((await laptop.call('caseload.list', { query: 'Zephyrine' })).rows).toEqual([]);
    const state = await service.db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE case_id = $1', [DUE]);
    expect(state.rows[0].n).toBe(0);
    const trail = (await laptop.call('audit.list', { limit: 500 })).entries.filter((e) => e.action === 'retention-deleted');
    expect(trail).toMatchObject([{ caseId: DUE, method: 'sync.erased' }]);

    await office.call('sync.now', {});
    expect(referralIds(office)).toEqual([OPEN]);
  });

  it('tells only the devices that could hold the case: its advocates\' (earlier ones too) and managers\'', async () => {
    const bob = await ops.createUser(service.db.pool, service.org, 'Bob', 'bob@example.org', 'advocate');
    const other = await service.enrolledDevice(bob);
    const r = await service.transport(`${SERVICE_URL}/v1/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.client.account()!.access_token}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, after: 0 }),
    });
    const page = (await r.json()) as { changes: { kind: string; caseId: string | null }[] };
    expect(page.changes.filter((c) => c.caseId === DUE)).toEqual([]);

    // A laptop of an earlier holder that has not heard of the reallocation yet is told too.
    laptop.core.context.write((w) => w.upsert('referral', FORMER, FORMER, { reference: 'HRD-0105', status: 'closed', closure_date: '2015-03-01' }));
    await laptop.call('sync.now', {});
    await allocateCase(service.db.pool, service.org, FORMER, bob, now);
    expect(await eraseOnService(service.db.pool, service.org, [FORMER], 1, policy, now)).toMatchObject({ erased: 1 });
    expect(referralIds(laptop)).toContain(FORMER);
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).not.toContain(FORMER);
  });

  it("keeps a young person whose other case stays, on the service and on the laptop", async () => {
    laptop.core.context.write((w) => {
      w.upsert('person', SHARED_PERSON, OLD_CASE, { first_name: 'Ilse', last_name: 'Test', kind: 'young_person', date_of_birth: '1985-06-01' });
      w.upsert('referral', OLD_CASE, OLD_CASE, { reference: 'HRD-0103', person_id: SHARED_PERSON, status: 'closed', closure_date: '2015-03-01' });
      w.upsert('referral', NEW_CASE, NEW_CASE, { reference: 'HRD-0104', person_id: SHARED_PERSON, status: 'open' });
    });
    await laptop.call('sync.now', {});
    expect(await eraseOnService(service.db.pool, service.org, [OLD_CASE], 1, policy, now)).toMatchObject({ erased: 1 });
    const person = await service.db.pool.query('SELECT DISTINCT case_id FROM field_state WHERE entity_id = $1', [SHARED_PERSON]);
    expect(person.rows).toEqual([{ case_id: NEW_CASE }]);
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).toEqual([OPEN, NEW_CASE]);
    expect(laptop.core.context.db().prepare('SELECT id FROM people').pluck().all()).toEqual([SHARED_PERSON]);
  });
});
