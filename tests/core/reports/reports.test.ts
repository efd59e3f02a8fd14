import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const period = { from: '2026-04-01', to: '2026-06-30' };

/** Cases written through the real mutation path, as the caseload would write them. */
function seed(): void {
  t.core.context.write((w) => {
    w.upsert('advocate', 'adv1', null, { name: 'Advocate One', role: 'advocate' });
    w.upsert('person', 'p1', 'c1', {
      person_reference: 'P-1',
      first_name: 'Amira',
      last_name: 'Haddad',
      preferred_name: 'Mira',
      date_of_birth: '2012-04-01',
      gender: 'female',
      local_authority: 'Medway',
      placement_address: '12 Mill Lane, Chatham',
      key_contacts: [{ role: 'social_worker', name: 'Dana Whitlock' }],
    });
    w.upsert('referral', 'c1', 'c1', {
      reference: 'HRD-1',
      person_id: 'p1',
      referral_date: '2026-04-01',
      source: 'social_worker',
      service_user_type: 'CIC',
      urgency: 'high',
      status: 'closed',
      allocated_to: 'adv1',
      allocation_date: '2026-04-03',
      closure_date: '2026-05-10',
      closure_outcome: 'all_issues_resolved',
    });
    w.upsert('referral_issue', 'i1', 'c1', { referral_id: 'c1', code: 'PLACEMENT' });
    w.upsert('referral_issue', 'i2', 'c1', { referral_id: 'c1', code: 'CONTACT' });
    w.upsert('person', 'p2', 'c2', {
      person_reference: 'P-2',
      first_name: 'Tomasz',
      date_of_birth: '2009-06-30',
      gender: 'male',
      local_authority: 'Kent',
    });
    w.upsert('referral', 'c2', 'c2', {
      reference: 'HRD-2',
      person_id: 'p2',
      referral_date: '2026-06-30',
      source: 'self',
      service_user_type: 'JA',
      urgency: 'urgent',
      status: 'awaiting_allocation',
    });
    w.upsert('referral_issue', 'i3', 'c2', { referral_id: 'c2', code: 'HOUSING' });
    // Deleted: never counted.
    w.upsert('referral', 'c3', 'c3', {
      reference: 'HRD-3',
      referral_date: '2026-05-01',
      service_user_type: 'CP',
      urgency: 'standard',
      status: 'open',
    });
    w.remove('referral', 'c3', 'c3');
  });
}

beforeAll(async () => {
  t = await createTestCore();
  seed();
});
afterAll(() => t.dispose());

describe('reports over the records on this device', () => {
  it('counts the referrals in the quarter, leaving out deleted ones', async () => {
    const r = await t.call('reports.quarterly', { period });
    expect(r.newReferrals).toBe(2);
    expect(r.byServiceUserType.CIC).toBe(1);
    expect(r.byServiceUserType.JA).toBe(1);
    expect(r.byServiceUserType.CP).toBe(0);
    // 14 on the day of referral; 17 on the day of referral (birthday that day).
    expect(r.byAgeBand['11-15']).toBe(1);
    expect(r.byAgeBand['16-17']).toBe(1);
    expect(r.byIssue).toMatchObject({ PLACEMENT: 1, CONTACT: 1, HOUSING: 1 });
    // Councils typed before they were chosen from a list are counted under their ONS codes.
    expect(r.byLocalAuthority).toEqual({ E10000016: 1, E06000035: 1 });
    expect(r.allocated).toEqual({ count: 1, percent: 50, medianDaysToAllocation: 2 });
    expect(r.closed.total).toBe(1);
    expect(r.briefInterventions).toEqual({ count: 1, percentOfNewReferrals: 50 });
  });

  it('gives the same report as CSV', async () => {
    const { csv, fileName } = await t.call('reports.csv', { period });
    expect(fileName).toBe('heard-report-2026-04-01-to-2026-06-30.csv');
    expect(csv.split('\r\n')).toContain('newReferrals,,total,New referrals,2,');
  });

  it('refuses a period that runs backwards, in words', async () => {
    await expect(
      t.call('reports.quarterly', { period: { from: '2026-06-30', to: '2026-04-01' } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('feedback forms', () => {
  it("keeps a young person's form with the case, syncs it, and counts it in the report", async () => {
    const saved = await t.call('feedback.save', {
      caseId: 'c1',
      kind: 'young_person',
      receivedDate: '2026-05-12',
      listenedTo: 'happy',
      thingsChanged: 'ok',
      useAgain: 'happy',
      // A professional's question on a young person's form is not kept.
      voiceHeard: 'sad',
      comment: 'More visits please',
      mayQuote: true,
    });
    expect(saved.voiceHeard).toBeNull();
    await t.call('feedback.save', {
      caseId: 'c1',
      kind: 'professional',
      receivedDate: '2026-05-20',
      respondentRole: 'parent',
      voiceHeard: 'happy',
    });
    const list = await t.call('feedback.list', { caseId: 'c1' });
    expect(list.map((f) => f.kind)).toEqual(['young_person', 'professional']);
    const outbox = t.core.context
      .db()
      .prepare("SELECT count(*) FROM outbox WHERE entity = 'feedback_form' AND case_id = 'c1'")
      .pluck()
      .get();
    expect(outbox).toBeGreaterThan(0);
    const r = await t.call('reports.quarterly', { period });
    expect(r.feedback.received).toEqual({ young_person: 1, professional: 1 });
    expect(r.feedback.youngPerson.listened_to.percentPositive).toBe(100);
    expect(r.feedback.professionalByRole.parent).toBe(1);
    expect(await t.call('reports.quotes', { period })).toEqual([
      { kind: 'young_person', respondentRole: null, comment: 'More visits please' },
    ]);
  });

  it('removes a form so the report no longer counts it', async () => {
    const [first] = await t.call('feedback.list', { caseId: 'c1' });
    expect(await t.call('feedback.remove', { id: first!.id })).toEqual({ removed: true });
    const r = await t.call('reports.quarterly', { period });
    expect(r.feedback.received.young_person).toBe(0);
  });

  it('will not save feedback for a case that is not here', async () => {
    await expect(
      t.call('feedback.save', { caseId: 'nope', kind: 'young_person', receivedDate: '2026-05-12' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('narrative and case studies', () => {
  it("replaces the young person's names, other people's names and places in a case study", async () => {
    const saved = await t.call('reports.sections.save', {
      period,
      kind: 'case_study',
      caseId: 'c1',
      pseudonym: 'Sky',
      title: 'Mira, 14',
      body: 'Amira Haddad lived in Chatham, away from Medway. Mira told Dana Whitlock she wanted to see her brother. Mirabel is another word.',
    });
    expect(saved.title).toBe('Sky, 14');
    expect(saved.body).toBe(
      'Sky lived in [place], away from [place]. Sky told [name] she wanted to see her brother. Mirabel is another word.',
    );
    const cands = await t.call('reports.caseStudyCandidates', { period });
    expect(cands.map((c) => c.reference)).toEqual(['HRD-1']);
    expect(cands[0]!.ageAtReferral).toBe(14);
  });

  it('keeps narrative sections for the period in order', async () => {
    await t.call('reports.sections.save', { period, kind: 'narrative', title: 'Challenges', body: 'Demand rose.' });
    const sections = await t.call('reports.sections.list', { period });
    expect(sections.map((s) => s.kind)).toEqual(['case_study', 'narrative']);
    expect(await t.call('reports.sections.list', { period: { from: '2026-07-01', to: '2026-09-30' } })).toEqual([]);
  });

  it('exports the report, charts and sections as a PDF', async () => {
    const pdf = await t.call('reports.pdf', { period, serviceName: 'Test Advocacy' });
    expect(pdf.fileName).toBe('heard-report-2026-04-01-to-2026-06-30.pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
  });

  it('refuses a case study without a case', async () => {
    await expect(
      t.call('reports.sections.save', { period, kind: 'case_study', title: 'x', body: 'y' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
