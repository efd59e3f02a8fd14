import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCaseSummary, listReferralsForReport } from '../../../electron/core/caseload/case-summary';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ now: () => new Date('2026-05-20T10:00:00Z') });
});
afterAll(() => t.dispose());

const takeReferral = (
  over: { urgency?: 'urgent' | 'high' | 'standard'; referralDate?: string; name?: string; words?: string } = {},
) =>
  t.call('caseload.referrals.create', {
    person: {
      firstName: over.name ?? 'Nadia',
      lastName: 'Rahimi',
      dateOfBirth: '2010-04-02',
      localAuthority: 'Kent',
      statusTags: ['CIC'],
    },
    referral: {
      referralDate: over.referralDate ?? '2026-05-01',
      serviceUserType: 'CIC',
      urgency: over.urgency ?? 'standard',
      source: 'social_worker',
    },
    issues: [
      {
        code: 'PLACEMENT',
        description: over.words ?? 'I want to move closer to my school',
        wantedOutcome: 'A placement near school',
      },
    ],
  });

describe('a referral from intake to closure', () => {
  it('appears in triage, most urgent first and then longest waiting', async () => {
    const later = await takeReferral({ urgency: 'standard', referralDate: '2026-05-10' });
    const older = await takeReferral({ urgency: 'standard', referralDate: '2026-05-02' });
    const urgent = await takeReferral({ urgency: 'urgent', referralDate: '2026-05-18' });
    const queue = await t.call('caseload.triage', {});
    const ids = queue.map((r) => r.caseId);
    expect(ids.indexOf(urgent.caseId)).toBeLessThan(ids.indexOf(older.caseId));
    expect(ids.indexOf(older.caseId)).toBeLessThan(ids.indexOf(later.caseId));
    expect(queue.find((r) => r.caseId === older.caseId)?.waitingDays).toBe(18);
  });

  it('allocating records the date and the days waited, and the case leaves triage for my caseload', async () => {
    const { caseId } = await takeReferral({ referralDate: '2026-05-04', words: 'contact with my little sister' });
    const { advocate } = await t.call('caseload.me.get', {});
    const r = await t.call('caseload.allocate', { caseId, advocateId: advocate.id, date: '2026-05-11' });
    expect(r).toMatchObject({
      status: 'open',
      allocationDate: '2026-05-11',
      daysToAllocation: 7,
      allocatedTo: advocate.id,
    });
    expect((await t.call('caseload.triage', {})).some((x) => x.caseId === caseId)).toBe(false);
    const mine = await t.call('caseload.list', { mine: true, statuses: ['open'] });
    expect(mine.rows.map((x) => x.caseId)).toContain(caseId);
    const found = await t.call('caseload.list', { query: 'sist' });
    expect(found.rows.map((x) => x.caseId)).toEqual([caseId]);
  });

  it('closing needs one of the five outcomes and a date on or after the referral', async () => {
    const { caseId } = await takeReferral({ referralDate: '2026-05-04' });
    const detail = await t.call('caseload.case.get', { caseId });
    const issueId = detail!.issues[0]!.id;
    await expect(
      t.call('caseload.case.close', { caseId, closureDate: '2026-05-10', closureOutcome: 'finished' as never }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      t.call('caseload.case.close', { caseId, closureDate: '2026-05-01', closureOutcome: 'lost_contact' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const closed = await t.call('caseload.case.close', {
      caseId,
      closureDate: '2026-05-15',
      closureOutcome: 'all_issues_resolved',
      issueOutcomes: [{ issueId, outcome: 'achieved' }],
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closureOutcome: 'all_issues_resolved',
      closureDate: '2026-05-15',
    });
    const after = await t.call('caseload.case.get', { caseId });
    expect(after!.issues[0]).toMatchObject({ status: 'resolved', outcome: 'achieved' });
  });

  it('shows the statutory entitlement on the case and gives other features a summary', async () => {
    const { caseId, reference } = await takeReferral({ name: 'Yonas' });
    const detail = await t.call('caseload.case.get', { caseId });
    expect(detail!.entitlements.entitlements.map((e) => e.code)).toEqual(['child_in_care']);
    const summary = getCaseSummary(t.core.context.db(), caseId);
    expect(summary).toMatchObject({
      reference,
      person: { preferredName: 'Yonas Rahimi', localAuthority: 'E10000016' },
      serviceUserType: 'CIC',
      status: 'awaiting_allocation',
    });
    expect(getCaseSummary(t.core.context.db(), 'no-such-case')).toBeNull();
    const report = listReferralsForReport(t.core.context.db()).find((r) => r.reference === reference);
    expect(report).toMatchObject({
      issues: ['PLACEMENT'],
      date_of_birth: '2010-04-02',
      referral_source: 'social_worker',
    });
  });

  it('shows each of my open cases with its next meeting, soonest first', async () => {
    const { advocate } = await t.call('caseload.me.get', {});
    const a = await takeReferral({ referralDate: '2026-05-01' });
    const b = await takeReferral({ referralDate: '2026-05-01' });
    for (const c of [a, b])
      await t.call('caseload.allocate', { caseId: c.caseId, advocateId: advocate.id, date: '2026-05-02' });
    await t.call('meetings.save', { caseId: b.caseId, type: 'cic_review', date: '2026-05-28', time: '10:30' });
    await t.call('meetings.save', { caseId: b.caseId, type: 'core_group', date: '2026-06-20' });
    await t.call('meetings.save', { caseId: a.caseId, type: 'pep', date: '2026-04-01' });
    const rows = (await t.call('caseload.list', { mine: true, statuses: ['open'] })).rows;
    expect(rows[0]).toMatchObject({
      caseId: b.caseId,
      next: { date: '2026-05-28', label: expect.stringContaining('Child in care review') },
    });
    expect(rows.find((r) => r.caseId === a.caseId)!.next).toBeNull();
  });

  it('a re-referral for someone already known shares their record', async () => {
    const first = await takeReferral({ name: 'Hewan' });
    const [known] = await t.call('caseload.people.find', { query: 'hew rah' });
    expect(known).toMatchObject({ displayName: 'Hewan Rahimi', referrals: 1, statusTags: ['CIC'] });
    const again = await t.call('caseload.referrals.create', {
      personId: known!.personId,
      referral: { referralDate: '2026-05-19', serviceUserType: 'CIC' },
      issues: [{ code: 'EDUCATION' }],
    });
    const a = await t.call('caseload.case.get', { caseId: first.caseId });
    const b = await t.call('caseload.case.get', { caseId: again.caseId });
    expect(b!.person!.id).toBe(a!.person!.id);
    expect((await t.call('caseload.people.find', { query: 'Hewan' }))[0]!.referrals).toBe(2);
  });

  it('a referral made urgent after intake moves up the triage queue', async () => {
    const { caseId } = await takeReferral({ referralDate: '2026-05-19' });
    const before = (await t.call('caseload.triage', {})).findIndex((r) => r.caseId === caseId);
    const updated = await t.call('caseload.referrals.update', {
      caseId,
      fields: { urgency: 'urgent', urgencyReason: 'Placement ends on Friday' },
    });
    expect(updated).toMatchObject({ urgency: 'urgent', urgencyReason: 'Placement ends on Friday' });
    const queue = await t.call('caseload.triage', {});
    expect(queue.findIndex((r) => r.caseId === caseId)).toBeLessThan(before);
    expect(queue[0]!.urgency).toBe('urgent');
  });

  it('records every change in the outbox for sync', async () => {
    const { caseId } = await takeReferral();
    const n = t.core.context
      .db()
      .prepare("SELECT count(*) FROM outbox WHERE case_id = ? AND entity = 'referral' AND field = 'urgency'")
      .pluck()
      .get(caseId);
    expect(n).toBe(1);
  });

  it('refuses a date of birth in the future', async () => {
    await expect(
      t.call('caseload.referrals.create', {
        person: { firstName: 'Ola', dateOfBirth: '2027-01-01' },
        referral: { referralDate: '2026-05-01', serviceUserType: 'CIN' },
        issues: [{ code: 'OTHER' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
