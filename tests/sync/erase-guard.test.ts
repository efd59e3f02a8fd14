import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';
import { admitAllFrom } from './pre-encryption';

const PER_DAY = 3;
const caseId = (n: number) => `01900000-0000-7000-8000-0000000e${String(n).padStart(4, '0')}`;
const CASES = [1, 2, 3, 4, 5, 6].map(caseId);

/**
 * Attack finding 5: a manager's sign-in alone (copied from a laptop, no key) could erase every case
 * everywhere, and nothing bounded how many. Now only a device holding the current key may erase,
 * and only PER_DAY cases an organisation a day; a refusal says so in words and erases nothing.
 */
describe('who may erase cases from the service, and how many a day', () => {
  let service: Service;
  let laptop: TestCore;
  let office: TestCore;
  let rogueToken: string;

  beforeAll(async () => {
    service = await startService({ keys: true, accessLimits: { eraseCasesPerDay: PER_DAY } });
    const pool = service.db.pool;
    const alice = await ops.createUser(pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    const rory = await ops.createUser(pool, service.org, 'Rory', 'rory@example.org', 'manager');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    office = await createTestCore({ syncTransport: service.transport, autoSync: false });
    for (const [t, user] of [
      [laptop, alice],
      [office, morgan],
    ] as const) {
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code: (await ops.issueEnrolmentCode(pool, user)).code });
      await t.call('sync.now', {});
    }
    await laptop.call('sync.now', {});
    expect(await admitAllFrom(office)).toBe(1);
    await laptop.call('sync.now', {});
    // Written once the laptop holds the key, so they go sealed and the manager's laptop reads them.
    laptop.core.context.write((w) => {
      for (const [i, c] of CASES.entries()) {
        const person = c.replace(/e(\d{4})$/, 'f$1');
        w.upsert('person', person, c, {
          first_name: 'Test',
          last_name: `Person ${i}`,
          kind: 'young_person',
          date_of_birth: '1985-06-01',
        });
        w.upsert('referral', c, c, {
          reference: `HRD-02${i}`,
          person_id: person,
          status: 'closed',
          closure_date: '2015-03-01',
        });
      }
    });
    await laptop.call('sync.now', {});
    await office.call('sync.now', {});
    // A manager's sign-in used without the laptop's key: enrolled after the others were given it.
    const rogue = await service.enrolledDevice(rory);
    rogueToken = rogue.client.account()!.access_token!;
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
  const post = async (token: string, body: unknown) => {
    const res = await service.transport(`${SERVICE_URL}/v1/erase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
  };

  it("refuses a manager's sign-in that holds no key, even for ids it read from a pull, and erases nothing", async () => {
    const page = await service.transport(`${SERVICE_URL}/v1/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rogueToken}` },
      body: JSON.stringify({ v: PROTOCOL_VERSION, after: 0, limit: 1000 }),
    });
    const ids = [
      ...new Set(
        ((await page.json()) as { changes: { caseId: string | null }[] }).changes
          .map((c) => c.caseId)
          .filter((c): c is string => c !== null),
      ),
    ];
    expect(ids.length).toBeGreaterThan(0);
    const r = await post(rogueToken, { v: PROTOCOL_VERSION, caseIds: ids.slice(0, 1) });
    expect(r.status).toBe(403);
    expect(r.body.error?.message).toMatch(/holds the organisation’s current key.*Nothing was erased/);
    expect(await erasedOnService()).toEqual([]);
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).toEqual(CASES);
  });

  it("lets the manager's laptop that holds the key erase up to the day's allowance, then says in words when it can go on", async () => {
    expect((await office.call('retention.due', {})).rows).toHaveLength(CASES.length);
    expect(await office.call('retention.erase', { caseIds: CASES.slice(0, 2), confirmCount: 2 })).toMatchObject({
      erased: 2,
    });
    // Two more would pass the allowance of three: refused whole, on the service and on the laptop.
    await expect(office.call('retention.erase', { caseIds: CASES.slice(2, 4), confirmCount: 2 })).rejects.toThrow(
      /at most 3 cases a day.*1 more can be erased now.*can be erased from \d{1,2} [A-Z][a-z]+ \d{4}.*Nothing was deleted on this laptop/,
    );
    expect(referralIds(office)).toEqual(CASES.slice(2));
    expect(await erasedOnService()).toEqual(CASES.slice(0, 2));
    // More than a day's allowance at once can never pass: it says to split them.
    await expect(office.call('retention.erase', { caseIds: CASES.slice(2), confirmCount: 4 })).rejects.toThrow(
      /at most 3 cases a day.*smaller groups/,
    );
    expect(await erasedOnService()).toEqual(CASES.slice(0, 2));
    expect(await office.call('retention.erase', { caseIds: CASES.slice(2, 3), confirmCount: 1 })).toMatchObject({
      erased: 1,
    });
    // A day later the allowance is back.
    await service.db.pool.query("UPDATE erased_cases SET erased_at = erased_at - interval '25 hours'");
    expect(await office.call('retention.erase', { caseIds: CASES.slice(3, 5), confirmCount: 2 })).toMatchObject({
      erased: 2,
    });
    expect(await erasedOnService()).toEqual(CASES.slice(0, 5));
    await laptop.call('sync.now', {});
    expect(referralIds(laptop)).toEqual(CASES.slice(5));
  });
});
