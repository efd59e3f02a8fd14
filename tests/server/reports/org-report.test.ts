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
    expect(r.byLocalAuthority).toEqual({ E10000016: 1, not_known: 1 });
    expect(r.allocated).toEqual({ count: 1, percent: 50, medianDaysToAllocation: 7 });
    expect(r.closed.byOutcome.lost_contact).toBe(1);
    expect(r.briefInterventions).toEqual({ count: 1, percentOfNewReferrals: 50 });
    expect(r.feedback.received.young_person).toBe(1);
    expect(r.feedback.youngPerson.things_changed.sad).toBe(1);
    expect(r.feedback.withComments).toBe(1);
  });
});
