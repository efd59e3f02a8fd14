import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

describe('corrections and closure decisions reach the advocate’s other laptop', () => {
  let service: Service;
  let laptop: TestCore;
  let spare: TestCore;
  let alice: string;

  beforeAll(async () => {
    service = await startService();
    // On a connected laptop the advocate's name is the one the service holds.
    alice = await ops.createUser(service.db.pool, service.org, 'Alice Ward', 'alice@example.org', 'advocate');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    spare = await createTestCore({ syncTransport: service.transport, autoSync: false });
    for (const t of [laptop, spare]) {
      const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    }
  });
  afterAll(async () => {
    laptop.dispose();
    spare.dispose();
    await service.close();
  });

  it('shows the same history, the same corrected details, and what was decided at closure', async () => {
    const { caseId } = await laptop.call('caseload.referrals.create', {
      person: { firstName: 'Amira', dateOfBirth: '2012-04-01', gender: 'male' },
      referral: { referralDate: '2026-11-02', serviceUserType: 'CIC' },
      issues: [{ code: 'PLACEMENT' }],
    });
    const personId = (await laptop.call('caseload.case.get', { caseId }))!.person!.id;
    await laptop.call('caseload.people.update', {
      personId,
      caseId,
      fields: { gender: 'female', dateOfBirth: '2009-04-01' },
      reason: 'Typed in error',
    });
    const action = await laptop.call('fieldwork.actions.save', {
      caseId,
      action: { owner: 'advocate', description: 'Ring the IRO', dueOn: '2026-11-20' },
    });
    await laptop.call('caseload.case.close', {
      caseId,
      closureDate: '2026-12-01',
      closureOutcome: 'outstanding_issues',
      decisions: [{ kind: 'action', id: action.id, decision: 'carry', reason: 'Promised a call back' }],
      told: { complainAboutService: true, differentAdvocate: true, comeBack: false },
    });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});

    const there = await spare.call('caseload.case.get', { caseId });
    expect(there!.person).toMatchObject({ gender: 'female', dateOfBirth: '2009-04-01' });
    expect(there!.referral).toMatchObject({
      status: 'closed',
      closureTold: { complainAboutService: true, differentAdvocate: true, comeBack: false },
      closureChecklist: [
        { kind: 'action', id: action.id, title: 'Ring the IRO', decision: 'carry', reason: 'Promised a call back' },
      ],
    });
    const history = await spare.call('caseload.case.history', { caseId });
    expect(history).toEqual(await laptop.call('caseload.case.history', { caseId }));
    expect(history[0]).toMatchObject({ correctedByName: 'Alice Ward', reason: 'Typed in error' });
    expect((await spare.call('fieldwork.actions.list', { caseId }))[0]).toMatchObject({
      carriedReason: 'Promised a call back',
      doneAt: null,
    });
  });
});
