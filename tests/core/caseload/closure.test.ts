import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const now = new Date('2026-12-03T10:00:00');
beforeAll(async () => {
  t = await createTestCore({ now: () => now, autoSync: false });
});
afterAll(() => t.dispose());

async function caseWithOpenWork() {
  const { caseId } = await t.call('caseload.referrals.create', {
    person: { firstName: 'Jade', dateOfBirth: '2011-02-02' },
    referral: { referralDate: '2026-09-01', serviceUserType: 'CIC' },
    issues: [{ code: 'PLACEMENT' }],
  });
  const concern = await t.call('fieldwork.safeguarding.create', {
    caseId,
    record: {
      disclosedAt: '2026-11-20T15:00',
      disclosure: 'Said she was hit',
      decision: 'Referred to MASH',
      reason: 'Risk of harm',
    },
  });
  const complaint = await t.call('complaints.save', {
    caseId,
    stage: 'stage1',
    receivedOn: '2026-11-02',
    summary: 'Contact stopped',
  });
  const ring = await t.call('fieldwork.actions.save', {
    caseId,
    action: { owner: 'advocate', description: 'Ring the IRO', dueOn: '2026-12-01' },
  });
  const visit = await t.call('fieldwork.actions.save', {
    caseId,
    action: { owner: 'advocate', description: 'Visit after the review', dueOn: '2026-12-15' },
  });
  const drop = await t.call('fieldwork.actions.save', {
    caseId,
    action: { owner: 'advocate', description: 'Find a leaflet', dueOn: '2026-12-04' },
  });
  const letter = await t.call('letters.create', { caseId, templateId: 'iro-concern' });
  const review = await t.call('meetings.save', { caseId, type: 'cic_review', date: '2026-12-09', invitees: [] });
  return { caseId, concern, complaint, ring, visit, drop, letter, review };
}

const told = { complainAboutService: true, differentAdvocate: true, comeBack: true };

describe('closing a case with open work', () => {
  it('lists every piece of open work, and will not close until each has a decision', async () => {
    const w = await caseWithOpenWork();
    const open = await t.call('caseload.case.openWork', { caseId: w.caseId });
    expect(open.map((i) => [i.kind, i.id, i.overdue])).toEqual([
      ['safeguarding', w.concern.id, false],
      ['complaint', w.complaint.id, true],
      ['action', w.ring.id, true],
      ['action', w.drop.id, false],
      ['action', w.visit.id, false],
      ['letter', w.letter.id, false],
      ['meeting', w.review.id, false],
    ]);
    expect(open.find((i) => i.kind === 'safeguarding')!.decisions).toEqual(['settle', 'carry']);

    const close = { caseId: w.caseId, closureDate: '2026-12-03', closureOutcome: 'all_issues_resolved' as const, told };
    await expect(t.call('caseload.case.close', close)).rejects.toThrow(
      /7 pieces of open work still need a decision.*Ring the IRO.*Child in care review on 09\/12\/2026/,
    );
    const someDecided = [{ kind: 'action' as const, id: w.ring.id, decision: 'settle' as const }];
    await expect(t.call('caseload.case.close', { ...close, decisions: someDecided })).rejects.toThrow(/6 pieces/);
    // Nothing was changed by the refusals.
    expect((await t.call('caseload.case.get', { caseId: w.caseId }))!.referral.status).toBe('awaiting_allocation');
    expect((await t.call('fieldwork.actions.list', { caseId: w.caseId })).every((a) => a.doneAt === null)).toBe(true);
  });

  it('refuses to cancel a safeguarding record, or to carry anything without a reason', async () => {
    const w = await caseWithOpenWork();
    const all = (await t.call('caseload.case.openWork', { caseId: w.caseId })).map((i) => ({
      kind: i.kind,
      id: i.id,
      decision: 'carry' as const,
      reason: 'Still going',
    }));
    const close = { caseId: w.caseId, closureDate: '2026-12-03', closureOutcome: 'outstanding_issues' as const, told };
    const cancelConcern = all.map((d) => (d.kind === 'safeguarding' ? { ...d, decision: 'cancel' as const } : d));
    await expect(t.call('caseload.case.close', { ...close, decisions: cancelConcern })).rejects.toThrow(
      /safeguarding record cannot be cancelled/,
    );
    const noReason = all.map((d) => (d.id === w.visit.id ? { ...d, reason: ' ' } : d));
    await expect(t.call('caseload.case.close', { ...close, decisions: noReason })).rejects.toThrow(
      /Say why the action “Visit after the review” carries on/,
    );
    expect((await t.call('caseload.case.get', { caseId: w.caseId }))!.referral.status).not.toBe('closed');
  });

  it('settles, carries and cancels as decided, keeps the decisions and what they were told, and loses nothing', async () => {
    const w = await caseWithOpenWork();
    const decisions = [
      {
        kind: 'safeguarding' as const,
        id: w.concern.id,
        decision: 'settle' as const,
        reason: 'MASH decided no further action',
      },
      {
        kind: 'complaint' as const,
        id: w.complaint.id,
        decision: 'carry' as const,
        reason: 'Council response due; social worker will help her',
      },
      { kind: 'action' as const, id: w.ring.id, decision: 'settle' as const },
      { kind: 'action' as const, id: w.visit.id, decision: 'carry' as const, reason: 'Promised her one last visit' },
      { kind: 'action' as const, id: w.drop.id, decision: 'cancel' as const, reason: 'No longer needed' },
      { kind: 'letter' as const, id: w.letter.id, decision: 'cancel' as const },
      {
        kind: 'meeting' as const,
        id: w.review.id,
        decision: 'carry' as const,
        reason: 'Attending the review as agreed',
      },
    ];
    const closed = await t.call('caseload.case.close', {
      caseId: w.caseId,
      closureDate: '2026-12-03',
      closureOutcome: 'outstanding_issues',
      decisions,
      told,
    });
    expect(closed.status).toBe('closed');
    expect(closed.closureTold).toEqual(told);
    expect(closed.closureChecklist!.map((d) => [d.kind, d.decision, d.reason])).toEqual([
      ['safeguarding', 'settle', 'MASH decided no further action'],
      ['complaint', 'carry', 'Council response due; social worker will help her'],
      ['action', 'settle', null],
      ['action', 'cancel', 'No longer needed'],
      ['action', 'carry', 'Promised her one last visit'],
      ['letter', 'cancel', null],
      ['meeting', 'carry', 'Attending the review as agreed'],
    ]);
    expect(closed.closureChecklist!.find((d) => d.kind === 'action' && d.decision === 'cancel')!.title).toBe(
      'Find a leaflet',
    );

    // Safeguarding stays amend-only: closing the record is an amendment with its reason.
    const [record] = await t.call('fieldwork.safeguarding.list', { caseId: w.caseId });
    expect(record!.status).toBe('closed');
    const amendments = await t.call('fieldwork.safeguarding.history', { id: w.concern.id });
    expect(amendments.map((a) => a.reason)).toEqual(['MASH decided no further action']);

    const actions = await t.call('fieldwork.actions.list', { caseId: w.caseId });
    expect(actions.find((a) => a.id === w.ring.id)!.doneAt).not.toBeNull();
    expect(actions.find((a) => a.id === w.drop.id)).toMatchObject({ cancelReason: 'No longer needed', doneAt: null });
    expect(actions.find((a) => a.id === w.visit.id)).toMatchObject({
      carriedReason: 'Promised her one last visit',
      doneAt: null,
      cancelledAt: null,
    });
    // The carried action is still on the Today list after closure; the cancelled one is not.
    const due = await t.call('fieldwork.actions.due', { withinDays: 30 });
    expect(due.filter((a) => a.caseId === w.caseId).map((a) => a.description)).toEqual(['Visit after the review']);

    expect((await t.call('complaints.forCase', { caseId: w.caseId }))[0]!.outcome).toBeNull();
    expect(await t.call('letters.forCase', { caseId: w.caseId })).toEqual([]);
    expect((await t.call('meetings.forCase', { caseId: w.caseId })).map((m) => m.id)).toEqual([w.review.id]);
  });

  it('a case with no open work closes as before', async () => {
    const { caseId } = await t.call('caseload.referrals.create', {
      person: { firstName: 'Leo' },
      referral: { referralDate: '2026-09-01', serviceUserType: 'CIN' },
      issues: [{ code: 'EDUCATION' }],
    });
    expect(await t.call('caseload.case.openWork', { caseId })).toEqual([]);
    const closed = await t.call('caseload.case.close', {
      caseId,
      closureDate: '2026-12-01',
      closureOutcome: 'lost_contact',
    });
    expect(closed).toMatchObject({ status: 'closed', closureChecklist: [], closureTold: null });
  });
});
