import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../../server/admin/ops';
import { organisationReport } from '../../../server/reports/org-report';
import { parseQuarter } from '../../../shared/reports/period';
import { createTestDatabase, type TestDatabase } from '../pg-harness';

let t: TestDatabase;
let orgA: string;
let orgB: string;
let seq = 0;

/** One synced record as the server keeps it: one field_state row per field. */
async function record(org: string, entity: string, id: string, caseId: string | null, fields: Record<string, unknown>): Promise<void> {
  for (const [field, value] of Object.entries(fields)) {
    await t.pool.query(
      'INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, seq) VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, $7)',
      [org, entity, id, field, caseId, JSON.stringify(value), ++seq],
    );
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  orgA = await createOrganisation(t.pool, 'Service A');
  orgB = await createOrganisation(t.pool, 'Service B');
  await record(orgA, 'advocate', 'a1', null, { name: 'Advocate One', role: 'advocate' });
  // Fields may arrive in any order and for records whose parent came later: the person after the referral.
  await record(orgA, 'referral', 'c1', 'c1', { reference: 'R1', person_id: 'p1', referral_date: '2026-04-01', source: 'iro', service_user_type: 'CL',
    urgency: 'high', allocated_to: 'a1', allocation_date: '2026-04-08', closure_date: '2026-06-30', closure_outcome: 'lost_contact' });
  await record(orgA, 'referral_issue', 'i1', 'c1', { referral_id: 'c1', code: 'LEAVING_CARE' });
  await record(orgA, 'referral_issue', 'i2', 'c1', { referral_id: 'c1', code: 'HOUSING' });
  await record(orgA, 'referral_issue', 'i3', 'c1', { referral_id: 'c1', code: 'PA', deleted_at: '2026-04-02T10:00:00Z' });
  await record(orgA, 'person', 'p1', 'c1', { person_reference: 'P1', date_of_birth: '2004-04-01', gender: 'made_up_gender', local_authority: 'Kent' });
  await record(orgA, 'referral', 'c2', 'c2', { reference: 'R2', referral_date: '2026-05-01', service_user_type: 'CIC', urgency: 'standard' });
  await record(orgA, 'referral', 'c3', 'c3', { reference: 'R3', referral_date: '2026-05-02', service_user_type: 'CP', urgency: 'standard', deleted_at: '2026-05-03T09:00:00Z' });
  await record(orgA, 'feedback_form', 'f1', 'c1', { case_id: 'c1', kind: 'young_person', received_date: '2026-06-30', listened_to: 'happy', things_changed: 'sad', comment: 'More time' });
  await record(orgB, 'referral', 'x1', 'x1', { reference: 'X1', referral_date: '2026-05-01', service_user_type: 'CIC', urgency: 'standard' });
});
afterAll(() => t.drop());

describe('the organisation-wide report on the server', () => {
  it('counts every synced referral of the organisation, rebuilt from its fields, and no other organisation\'s', async () => {
    const r = await organisationReport(t.pool, orgA, parseQuarter('2026-Q2')!);
    expect(r.newReferrals).toBe(2); // c1 and c2; c3 was deleted; x1 belongs to another service
    expect(r.byServiceUserType).toMatchObject({ CL: 1, CIC: 1, CP: 0 });
    // 22nd birthday on the referral date.
    expect(r.byAgeBand).toMatchObject({ '22-25': 1, not_known: 1 });
    expect(r.byIssue).toMatchObject({ LEAVING_CARE: 1, HOUSING: 1, PA: 0 });
    // A value that is not a known code is counted as not known.
    expect(r.byGender.not_known).toBe(2);
    expect(r.byLocalAuthority).toEqual({ Kent: 1, not_known: 1 });
    expect(r.allocated).toEqual({ count: 1, percent: 50, medianDaysToAllocation: 7 });
    expect(r.closed.byOutcome.lost_contact).toBe(1);
    expect(r.briefInterventions).toEqual({ count: 1, percentOfNewReferrals: 50 });
    expect(r.feedback.received.young_person).toBe(1);
    expect(r.feedback.youngPerson.things_changed.sad).toBe(1);
    expect(r.feedback.withComments).toBe(1);
  });
});

describe("the commissioners' figures over the organisation's synced casework", () => {
  beforeAll(async () => {
    await record(orgA, 'person', 'p1', 'c1', { ethnicity: 'WBRI', disability_status: 'yes', placement_in_area: 0 });
    await record(orgA, 'referral', 'c1', 'c1', { advocacy_type: 'non_instructed' });
    await record(orgA, 'referral_issue', 'i1', 'c1', { status: 'resolved', outcome: 'achieved', closed_on: '2026-06-29' });
    await record(orgA, 'contact', 'k1', 'c1', { case_id: 'c1', type: 'visit', occurred_at: '2026-05-10T10:00', duration_minutes: 90, miles: 30.5 });
    await record(orgA, 'contact', 'k2', 'c2', { case_id: 'c2', type: 'teleport', occurred_at: '2026-05-10T10:00' }); // not a known kind: left out
    await record(orgA, 'complaint', 'cp1', 'c1', { case_id: 'c1', stage: 'stage1', received_on: '2026-05-13', response_received_on: '2026-05-28' });
    await record(orgA, 'letter', 'l1', 'c1', { case_id: 'c1', template_id: 'lgsco-complaint', sent_on: '2026-06-01' });
    await record(orgA, 'safeguarding_record', 's1', 'c2', { case_id: 'c2', disclosed_at: '2026-05-02T10:00', told: [] });
    await record(orgA, 'meeting', 'm1', 'c2', { case_id: 'c2', meeting_type: 'cic_review', meeting_date: '2026-05-20' });
    await record(orgA, 'meeting_debrief', 'd1', 'c2', { case_id: 'c2', meeting_id: 'm1', attended: 'whole', views_presented: 'young_person', wishes_reflected: 'yes' });
    await record(orgA, 'systemic_issue', 'y1', 'c1', { case_id: 'c1', area: 'wider_community', issue: 'No education provision for UASC', raised_on: '2026-05-05' });
    await record(orgA, 'systemic_issue', 'y2', 'c3', { case_id: 'c3', area: 'wider_community', issue: 'No education provision for UASC', raised_on: '2026-05-05' }); // deleted case
    await record(orgB, 'systemic_issue', 'y3', 'x1', { case_id: 'x1', area: 'wider_community', issue: 'No education provision for UASC', raised_on: '2026-05-05' });
  });

  it('counts them with the same function as the desktop, trusting no unknown code or deleted case', async () => {
    const r = await organisationReport(t.pool, orgA, parseQuarter('2026-Q2')!);
    expect(r.byEthnicity).toMatchObject({ WBRI: 1, NOBT: 1 });
    expect(r.byDisability).toEqual({ yes: 1, no: 0, not_known: 1 });
    expect(r.byAdvocacyType).toEqual({ instructed: 1, non_instructed: 1 });
    expect(r.outOfArea).toEqual({ count: 1, percent: 50 });
    expect(r.issueOutcomes.LEAVING_CARE.achieved).toBe(1);
    expect(r.issueOutcomes.HOUSING.not_recorded).toBe(0);
    expect(r.complaints).toMatchObject({ made: 1, respondedOnTime: 1, respondedLate: 0, escalated: { help_at_hand: 0, ombudsman: 1 } });
    expect(r.safeguarding).toEqual({ records: 1, confidentialityBroken: 0 });
    expect(r.contacts).toEqual({ visits: 1, otherContacts: 0, hours: 1.5, travelHours: 0, miles: 30.5, outOfAreaVisits: 1 });
    expect(r.meetings).toMatchObject({ supported: 1, debriefed: 1, tookPart: 1, outcome: { yes: 1, partly: 0, no: 0, unknown: 0 } });
    expect(r.systemicIssues.wider_community).toEqual({ cases: 1, issues: [{ issue: 'No education provision for UASC', cases: 1 }] });
  });
});
