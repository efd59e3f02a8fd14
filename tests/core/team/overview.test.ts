import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamOverview } from '../../../electron/core/team/overview';
import { createTestCore, type TestCore } from '../../helpers/test-core';

/**
 * The Team screen's figures on a laptop holding the whole service's cases, reusing the deadline
 * rules of the case pages. (Who may see them is tried against the service in tests/sync/team-allocation.test.ts.)
 */
describe("the Team screen's figures", () => {
  let t: TestCore;
  const now = new Date('2026-03-20T10:00:00Z');

  const referral = async (firstName: string, referralDate: string, urgency: 'urgent' | 'standard') =>
    (
      await t.call('caseload.referrals.create', {
        person: { firstName },
        referral: { referralDate, serviceUserType: 'CIC', urgency },
        issues: [{ code: 'CONTACT' }],
      })
    ).caseId;

  beforeAll(async () => {
    t = await createTestCore({ now: () => now });
  });
  afterAll(() => t.dispose());

  it('shows open cases per advocate, the longest waits, urgent referrals waiting, and deadlines passed with who holds the case', async () => {
    const sam = await t.call('caseload.advocates.add', { name: 'Sam Typed', role: 'advocate' });
    const held = await referral('Amira', '2026-02-01', 'standard');
    await t.call('caseload.allocate', { caseId: held, advocateId: sam.id, date: '2026-02-02' });
    const longWait = await referral('Bea', '2026-03-01', 'standard');
    const urgent = await referral('Cal', '2026-03-15', 'urgent');
    await t.call('complaints.save', {
      caseId: held,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      summary: 'Contact cancelled',
    });
    await t.call('fieldwork.actions.save', {
      caseId: held,
      action: { owner: 'advocate', description: 'Ring the IRO', dueOn: '2026-03-10' },
    });
    await t.call('fieldwork.actions.save', {
      caseId: held,
      action: { owner: 'advocate', description: 'Not due yet', dueOn: '2026-03-30' },
    });

    const team = teamOverview(t.core.context);
    expect(team.advocates).toEqual([{ advocateId: sam.id, name: 'Sam Typed', onService: null, open: 1 }]);
    expect(team.waiting.map((r) => [r.caseId, r.waitingDays])).toEqual([
      [longWait, 19],
      [urgent, 5],
    ]);
    expect(team.urgentUnallocated.map((r) => r.caseId)).toEqual([urgent]);
    expect(team.overdueComplaints).toEqual([
      expect.objectContaining({
        caseId: held,
        name: 'Amira',
        advocateName: 'Sam Typed',
        dueOn: '2026-03-16',
        stage: 'stage1',
      }),
    ]);
    expect(team.overdueActions).toEqual([
      expect.objectContaining({
        caseId: held,
        advocateName: 'Sam Typed',
        description: 'Ring the IRO',
        dueOn: '2026-03-10',
      }),
    ]);
    // Not connected to a service: nothing is waiting to send, and the screens themselves are refused.
    expect(team.waitingToSend).toEqual([]);
    await expect(t.call('team.overview', {})).rejects.toThrow(/^forbidden/);
  });
});
