import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000c1';
const OTHER_CASE = '01900000-0000-7000-8000-0000000000c2';
const period = { from: '2026-04-01', to: '2026-06-30' };

describe("the commissioners' facts travel by sync to the manager's laptop", () => {
  let service: Service;
  let laptop: TestCore;
  let bobsLaptop: TestCore;
  let managerLaptop: TestCore;

  beforeAll(async () => {
    service = await startService();
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    const bob = await ops.createUser(service.db.pool, service.org, 'Bob', 'bob@example.org', 'advocate');
    bobsLaptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    managerLaptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    await bobsLaptop.call('sync.connect', {
      serviceUrl: SERVICE_URL,
      code: (await ops.issueEnrolmentCode(service.db.pool, bob)).code,
    });
    await laptop.call('sync.connect', {
      serviceUrl: SERVICE_URL,
      code: (await ops.issueEnrolmentCode(service.db.pool, alice)).code,
    });
    await managerLaptop.call('sync.connect', {
      serviceUrl: SERVICE_URL,
      code: (await ops.issueEnrolmentCode(service.db.pool, morgan)).code,
    });
  });
  afterAll(async () => {
    laptop.dispose();
    bobsLaptop.dispose();
    managerLaptop.dispose();
    await service.close();
  });

  it('sends ethnicity, disability, placement and a systemic issue, and both reports count them alike', async () => {
    laptop.core.context.write((w) => {
      w.upsert('person', 'p-c1', CASE, { person_reference: 'P-C1', first_name: 'Amira' });
      w.upsert('referral', CASE, CASE, {
        reference: 'HRD-C1',
        person_id: 'p-c1',
        referral_date: '2026-05-02',
        service_user_type: 'CIC',
        urgency: 'standard',
        status: 'open',
      });
    });
    await laptop.call('caseload.people.update', {
      personId: 'p-c1',
      caseId: CASE,
      fields: { ethnicity: 'APKN', disabilityStatus: 'not_known', placementInArea: false },
    });
    await laptop.call('systemicIssues.save', {
      caseId: CASE,
      area: 'advocacy_service',
      issue: 'Waiting list for Urdu interpreters',
      raisedOn: '2026-05-03',
    });
    await laptop.call('sync.now', {});
    await managerLaptop.call('sync.now', {});

    const there = await managerLaptop.call('reports.quarterly', { period });
    const here = await laptop.call('reports.quarterly', { period });
    expect(there.byEthnicity.APKN).toBe(1);
    expect(there.byDisability.not_known).toBe(1);
    expect(there.outOfArea).toEqual({ count: 1, percent: 100 });
    expect(there.systemicIssues.advocacy_service).toEqual({
      cases: 1,
      issues: [{ issue: 'Waiting list for Urdu interpreters', cases: 1 }],
    });
    expect(there).toEqual(here);
  });

  it("covers the whole service on a manager's laptop, which holds every advocate's cases (the service can no longer count them)", async () => {
    bobsLaptop.core.context.write((w) => {
      w.upsert('person', 'p-c2', OTHER_CASE, { person_reference: 'P-C2', first_name: 'Tomasz' });
      w.upsert('referral', OTHER_CASE, OTHER_CASE, {
        reference: 'HRD-C2',
        person_id: 'p-c2',
        referral_date: '2026-06-10',
        service_user_type: 'CIC',
        urgency: 'urgent',
        status: 'open',
      });
    });
    await bobsLaptop.call('sync.now', {});
    await managerLaptop.call('sync.now', {});
    const whole = await managerLaptop.call('reports.quarterly', { period });
    expect((await laptop.call('reports.quarterly', { period })).newReferrals).toBe(1);
    expect((await bobsLaptop.call('reports.quarterly', { period })).newReferrals).toBe(1);
    expect(whole.newReferrals).toBe(2);
  });
});
