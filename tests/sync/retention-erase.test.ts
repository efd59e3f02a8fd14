import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastConversion } from '../../electron/core/sync/convert-plaintext';
import * as ops from '../../server/admin/ops';
import { allocateCase } from '../../server/sync/allocate';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { Transport } from '../../electron/core/sync/transport';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';
import { admitAllFrom } from './pre-encryption';

const DUE = '01900000-0000-7000-8000-0000000000a1';
const OPEN = '01900000-0000-7000-8000-0000000000a2';
const PERSON = '01900000-0000-7000-8000-0000000000a3';
const OLD_CASE = '01900000-0000-7000-8000-0000000000a4';
const NEW_CASE = '01900000-0000-7000-8000-0000000000a5';
const SHARED_PERSON = '01900000-0000-7000-8000-0000000000a6';
const FORMER = '01900000-0000-7000-8000-0000000000a7';
const now = new Date('2026-11-23T10:00:00Z');

/**
 * The retention review runs on a manager's laptop, which holds every case; the service is only
 * asked to erase the cases it names, and reads no record to do so.
 */
describe("erasing a case at the end of its retention period, from a manager's laptop", () => {
  let service: Service;
  let laptop: TestCore;
  let office: TestCore;
  let alice: string;
  let online = true;

  beforeAll(async () => {
    service = await startService({ keys: true });
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    const flaky: Transport = (url, init) =>
      online ? service.transport(url, init) : Promise.reject(new Error('offline'));
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    office = await createTestCore({ syncTransport: flaky, autoSync: false });
    laptop.core.context.write((w) => {
      w.upsert('person', PERSON, DUE, {
        first_name: 'Zephyrine',
        last_name: 'Test',
        kind: 'young_person',
        date_of_birth: '1985-06-01',
      });
      w.upsert('referral', DUE, DUE, {
        reference: 'HRD-0101',
        person_id: PERSON,
        status: 'closed',
        closure_date: '2015-03-01',
      });
      w.upsert('referral', OPEN, OPEN, { reference: 'HRD-0102', status: 'open' });
    });
    for (const [t, user] of [
      [laptop, alice],
      [office, morgan],
    ] as const) {
      const { code } = await ops.issueEnrolmentCode(service.db.pool, user);
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code });
      await t.call('sync.now', {});
    }
    // The manager's laptop made the organisation's key at its first sync; it gives it to Alice's.
    await laptop.call('sync.now', {});
    expect(await admitAllFrom(office)).toBe(1);
    await laptop.call('sync.now', {});
  });
  afterAll(async () => {
    laptop.dispose();
    office.dispose();
    await service.close();
  });

  const referralIds = (t: TestCore) =>
    t.core.context.db().prepare('SELECT id FROM referrals ORDER BY id').pluck().all();
  const erasedOnService = async () =>
    (await service.db.pool.query('SELECT case_id FROM erased_cases ORDER BY case_id')).rows.map(
      (r: { case_id: string }) => r.case_id,
    );
  const post = (token: string, body: unknown) =>
    service.transport(`${SERVICE_URL}/v1/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it("lists the advocate's closed case on the manager's laptop, and erases nothing while the service cannot be reached", async () => {
    expect((await office.call('retention.due', {})).rows).toMatchObject([
      { caseId: DUE, reference: 'HRD-0101', ruleUsed: 'closure' },
    ]);
    await expect(laptop.call('retention.erase', { caseIds: [DUE], confirmCount: 1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    online = false;
    await expect(office.call('retention.erase', { caseIds: [DUE], confirmCount: 1 })).rejects.toThrow(
      /Nothing was deleted.*online/,
    );
    online = true;
    expect(referralIds(office)).toEqual([DUE, OPEN]);
    expect(await erasedOnService()).toEqual([]);
  });

  it('erases it from the service and from every laptop, and an edit made offline meanwhile does not bring it back', async () => {
    expect(await office.call('retention.erase', { caseIds: [DUE], confirmCount: 1 })).toMatchObject({ erased: 1 });
    expect(referralIds(office)).toEqual([OPEN]);
    const left = await service.db.pool.query(
      "SELECT kind FROM changes WHERE case_id = $1 UNION ALL SELECT 'state' FROM field_state WHERE case_id = $1",
      [DUE],
    );
    expect(left.rows).toEqual([{ kind: 'erased' }]);
    const audit = await service.db.pool.query(
      "SELECT device_id FROM audit WHERE action = 'erase-case' AND case_id = $1",
      [DUE],
    );
    expect(audit.rows).toEqual([{ device_id: office.core.context.sync.account()!.device_id }]);

    laptop.core.context.write((w) => w.upsert('referral', DUE, DUE, { closure_note: 'typed on the train' }));
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).toEqual([OPEN]);
    expect(laptop.core.context.db().prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
    expect((await laptop.call('sync.status', {})).waiting).toBe(0);
    for (const table of ['sync_parked', 'sync_record_cases', 'field_versions'])
      expect(
        laptop.core.context
          .db()
          .prepare(`SELECT count(*) FROM ${table} WHERE entity_id = ? OR entity_id = ?`)
          .pluck()
          .get(DUE, PERSON),
      ).toBe(0);
    expect((await laptop.call('caseload.list', { query: 'Zephyrine' })).rows).toEqual([]);
    expect(
      (await laptop.call('audit.list', { limit: 500 })).entries.filter((e) => e.action === 'retention-deleted'),
    ).toMatchObject([{ caseId: DUE, method: 'sync.erased' }]);
    await office.call('sync.now', {});
    expect(referralIds(office)).toEqual([OPEN]);
  });

  it("refuses an advocate's device, and an unknown or another organisation's case without saying which, erasing nothing", async () => {
    const advocateToken = laptop.core.context.sync.account()!.access_token!;
    const r = await post(advocateToken, { v: PROTOCOL_VERSION, caseIds: [OPEN] });
    expect(r.status).toBe(403);
    const managerToken = office.core.context.sync.account()!.access_token!;

    // Another organisation's case, on the same service.
    const otherOrg = await ops.createOrganisation(service.db.pool, 'Other Advocacy');
    const otherManager = await ops.createUser(service.db.pool, otherOrg, 'Olu', 'olu@example.org', 'manager');
    const elsewhere = await createTestCore({ syncTransport: service.transport, autoSync: false });
    try {
      await elsewhere.call('sync.connect', {
        serviceUrl: SERVICE_URL,
        code: (await ops.issueEnrolmentCode(service.db.pool, otherManager)).code,
      });
      elsewhere.core.context.write((w) =>
        w.upsert('referral', OLD_CASE, OLD_CASE, { reference: 'OTH-1', status: 'open' }),
      );
      await elsewhere.call('sync.now', {});
    } finally {
      elsewhere.dispose();
    }
    const answers = [];
    for (const caseIds of [
      [OPEN, '01900000-0000-7000-8000-00000000ffff'],
      [OPEN, OLD_CASE],
    ]) {
      const res = await post(managerToken, { v: PROTOCOL_VERSION, caseIds });
      expect(res.status).toBe(400);
      answers.push(await res.json());
    }
    // A record to keep that is not of an erased case (here another organisation's) refuses the whole request too.
    const keepElsewhere = await post(managerToken, {
      v: PROTOCOL_VERSION,
      caseIds: [OPEN],
      keep: [{ entity: 'referral', entityId: OLD_CASE, toCase: DUE }],
    });
    expect(keepElsewhere.status).toBe(400);
    answers.push(await keepElsewhere.json());
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[2]).toEqual(answers[1]);
    expect(referralIds(office)).toContain(OPEN);
    expect(
      (await service.db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE case_id = $1', [OPEN])).rows[0].n,
    ).toBeGreaterThan(0);
    expect(JSON.stringify(answers[0])).not.toContain(OLD_CASE);
    expect(await erasedOnService()).toEqual([DUE]);
    expect(
      (await service.db.pool.query('SELECT count(*)::int AS n FROM field_state WHERE case_id = $1', [OLD_CASE])).rows[0]
        .n,
    ).toBeGreaterThan(0);
    // Not in the expected form: refused before anything is read.
    expect((await post(managerToken, { v: PROTOCOL_VERSION, caseIds: ["x'; DROP TABLE changes; --"] })).status).toBe(
      400,
    );
    // A retry after a lost answer is not an error.
    expect(await (await post(managerToken, { v: PROTOCOL_VERSION, caseIds: [DUE] })).json()).toMatchObject({
      erased: 0,
      alreadyErased: 1,
    });
  });

  it("tells a former holder's laptop that has not heard of a reallocation", async () => {
    const bob = await ops.createUser(service.db.pool, service.org, 'Bob', 'bob@example.org', 'advocate');
    laptop.core.context.write((w) =>
      w.upsert('referral', FORMER, FORMER, { reference: 'HRD-0105', status: 'closed', closure_date: '2015-03-01' }),
    );
    await laptop.call('sync.now', {});
    await allocateCase(service.db.pool, service.org, FORMER, bob, now);
    await office.call('sync.now', {});
    expect(await office.call('retention.erase', { caseIds: [FORMER], confirmCount: 1 })).toMatchObject({ erased: 1 });
    expect(referralIds(laptop)).toContain(FORMER);
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).not.toContain(FORMER);
  });

  it('keeps a young person whose other case stays, on the service and on every laptop, sent again under that case as values are sealed', async () => {
    laptop.core.context.write((w) => {
      w.upsert('person', SHARED_PERSON, OLD_CASE, {
        first_name: 'Ilse',
        last_name: 'Test',
        kind: 'young_person',
        date_of_birth: '1985-06-01',
      });
      w.upsert('referral', OLD_CASE, OLD_CASE, {
        reference: 'HRD-0103',
        person_id: SHARED_PERSON,
        status: 'closed',
        closure_date: '2015-03-01',
      });
      w.upsert('referral', NEW_CASE, NEW_CASE, { reference: 'HRD-0104', person_id: SHARED_PERSON, status: 'open' });
    });
    await laptop.call('sync.now', {});
    await office.call('sync.now', {});
    expect(await office.call('retention.erase', { caseIds: [OLD_CASE], confirmCount: 1 })).toMatchObject({ erased: 1 });
    const person = await service.db.pool.query('SELECT DISTINCT case_id FROM field_state WHERE entity_id = $1', [
      SHARED_PERSON,
    ]);
    expect(person.rows).toEqual([{ case_id: NEW_CASE }]);
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).toEqual([OPEN, NEW_CASE]);
    expect(laptop.core.context.db().prepare('SELECT id FROM people').pluck().all()).toEqual([SHARED_PERSON]);
    expect(office.core.context.db().prepare('SELECT id FROM people').pluck().all()).toEqual([SHARED_PERSON]);
    // Sent again whole from the manager's laptop, filed under the case that stays.
    await office.call('sync.now', {});
    const resent = await service.db.pool.query(
      "SELECT DISTINCT field FROM changes WHERE entity_id = $1 AND kind = 'change' AND case_id = $2 AND device_id = $3 ORDER BY field",
      [SHARED_PERSON, NEW_CASE, office.core.context.sync.account()!.device_id],
    );
    expect(resent.rows.map((r: { field: string }) => r.field)).toEqual(
      expect.arrayContaining(['date_of_birth', 'first_name', 'last_name']),
    );
    expect(
      office.core.context
        .db()
        .prepare("SELECT case_id FROM sync_record_cases WHERE entity = 'person' AND entity_id = ?")
        .pluck()
        .get(SHARED_PERSON),
    ).toBe(NEW_CASE);
    // Making the key, the manager's laptop also sealed what the service held of the app's own records, and says so.
    expect(lastConversion(office.core.context.db())).toMatchObject({ done: true, remaining: 0 });
    expect((await office.call('sync.status', {})).conversion).toMatchObject({ done: true });
  });
});
