import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../../shared/reports/period';
import { localAuthorityLabel } from '../../../shared/reports/labels';
import { quarterlyReport, type ReportReferral } from '../../../shared/reports/quarterly';
import type { FeedbackFormRecord } from '../../../shared/reports/feedback';

const base: ReportReferral = {
  reference: '',
  person_reference: '',
  date_of_birth: null,
  gender: null,
  service_user_type: 'OTHER',
  local_authority: null,
  referral_date: '',
  referral_source: null,
  issues: [],
  urgency: 'standard',
  allocated_to: null,
  allocation_date: null,
  closure_date: null,
  closure_outcome: null,
};
const ref = (r: Partial<ReportReferral> & Pick<ReportReferral, 'reference' | 'referral_date'>): ReportReferral => ({
  ...base,
  person_reference: r.reference,
  ...r,
});

// 2026-Q2 runs 1 April to 30 June 2026. Each referral's comment says how it should be counted.
const referrals: ReportReferral[] = [
  // First day of the quarter; 14th birthday on the referral date -> 11-15. Allocated after 2 days; closed in the quarter (brief).
  ref({
    reference: 'R1',
    referral_date: '2026-04-01',
    date_of_birth: '2012-04-01',
    gender: 'female',
    service_user_type: 'CIC',
    local_authority: 'Kent',
    referral_source: 'social_worker',
    issues: ['PLACEMENT', 'CONTACT'],
    allocated_to: 'A',
    allocation_date: '2026-04-03',
    closure_date: '2026-05-10',
    closure_outcome: 'all_issues_resolved',
  }),
  // Last day of the quarter; 16th birthday is the next day -> still 15 (11-15). Allocated after the quarter ends -> not allocated; closed next quarter.
  ref({
    reference: 'R2',
    referral_date: '2026-06-30',
    date_of_birth: '2010-07-01',
    gender: 'male',
    service_user_type: 'CP',
    local_authority: 'Medway',
    referral_source: 'self',
    issues: ['CP_MEETINGS'],
    allocated_to: 'A',
    allocation_date: '2026-07-02',
    closure_date: '2026-07-20',
    closure_outcome: 'all_issues_resolved',
  }),
  // Referred the day before the quarter, closed in it: counts in "closed" only.
  ref({
    reference: 'R3',
    referral_date: '2026-03-31',
    date_of_birth: '2009-01-01',
    gender: 'female',
    service_user_type: 'CIC',
    local_authority: 'Kent',
    referral_source: 'iro',
    issues: ['EDUCATION'],
    allocation_date: '2026-04-01',
    closure_date: '2026-04-15',
    closure_outcome: 'outstanding_issues',
  }),
  // 18th birthday the day after referral -> 16-17. HOUSING listed twice counts once. Allocated the same day (0 days). Brief.
  ref({
    reference: 'R4',
    referral_date: '2026-05-15',
    date_of_birth: '2008-05-16',
    gender: 'non_binary',
    service_user_type: 'JA',
    local_authority: ' Kent ',
    referral_source: 'carer',
    issues: ['HOUSING', 'HOUSING'],
    allocation_date: '2026-05-15',
    closure_date: '2026-06-01',
    closure_outcome: 'did_not_take_up',
  }),
  // Nothing known but the type and dates: not_known everywhere. Allocated after 10 days.
  ref({ reference: 'R5', referral_date: '2026-06-01', service_user_type: 'PARENT', allocation_date: '2026-06-11' }),
  // 26th birthday the day before referral -> 26+. Allocated after 5 days. Closed on the last day (brief).
  ref({
    reference: 'R6',
    referral_date: '2026-04-20',
    date_of_birth: '2000-04-19',
    gender: 'female',
    service_user_type: 'CL',
    local_authority: 'Kent',
    referral_source: 'iro',
    issues: ['LEAVING_CARE', 'HOUSING'],
    allocation_date: '2026-04-25',
    closure_date: '2026-06-30',
    closure_outcome: 'lost_contact',
  }),
  // Closed the day after the quarter: not closed in Q2.
  ref({
    reference: 'R7',
    referral_date: '2025-12-01',
    service_user_type: 'CIN',
    closure_date: '2026-07-01',
    closure_outcome: 'outcome_unknown',
  }),
  // Referred the day after the quarter.
  ref({ reference: 'R8', referral_date: '2026-07-01', service_user_type: 'FGC', issues: ['FGC'] }),
];

const forms: FeedbackFormRecord[] = [
  {
    kind: 'young_person',
    received_date: '2026-05-11',
    respondent_role: null,
    answers: { listened_to: 'happy', things_changed: 'ok', use_again: 'happy' },
    has_comment: true,
  },
  {
    kind: 'young_person',
    received_date: '2026-07-01',
    respondent_role: null,
    answers: { listened_to: 'sad', things_changed: 'sad', use_again: 'sad' },
    has_comment: true,
  },
  {
    kind: 'young_person',
    received_date: '2026-06-30',
    respondent_role: null,
    answers: { listened_to: 'happy', things_changed: 'sad', use_again: null },
    has_comment: false,
  },
  {
    kind: 'professional',
    received_date: '2026-04-01',
    respondent_role: 'social_worker',
    answers: { voice_heard: 'happy', kept_informed: 'happy', recommend: 'happy' },
    has_comment: true,
  },
  {
    kind: 'professional',
    received_date: '2026-06-02',
    respondent_role: 'parent',
    answers: { voice_heard: 'ok' },
    has_comment: false,
  },
];

const q2 = parseQuarter('2026-Q2')!;
const report = quarterlyReport(referrals, forms, q2);
const zeroIssues = {
  FGC: 0,
  CP_MEETINGS: 0,
  PLACEMENT: 0,
  HOUSING: 0,
  SOCIAL_WORKER: 0,
  EDUCATION: 0,
  SUPPORT_AT_MEETINGS: 0,
  PA: 0,
  YOUNG_PARENT: 0,
  CONTACT: 0,
  DISABILITY: 0,
  COMPLAINT: 0,
  LEAVING_CARE: 0,
  HEALTH: 0,
  IMMIGRATION: 0,
  OTHER: 0,
};

describe('quarterly report, 2026-Q2 worked by hand', () => {
  it('has exactly the top-level keys commissioners expect', () => {
    expect(Object.keys(report)).toEqual([
      'period',
      'newReferrals',
      'byServiceUserType',
      'byAgeBand',
      'byIssue',
      'byGender',
      'bySource',
      'byLocalAuthority',
      'issuesByAgeBand',
      'allocated',
      'closed',
      'briefInterventions',
      'feedback',
      'byEthnicity',
      'byDisability',
      'byAdvocacyType',
      'outOfArea',
      'reReferrals',
      'issueOutcomes',
      'complaints',
      'safeguarding',
      'contacts',
      'meetings',
      'systemicIssues',
    ]);
    expect(report.period).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it('counts referrals made on the first and last day but not the days either side', () => {
    expect(report.newReferrals).toBe(5); // R1, R2, R4, R5, R6
  });

  it('breaks new referrals down by type, gender, source and local authority, with every code present', () => {
    expect(report.byServiceUserType).toEqual({
      CIC: 1,
      CP: 1,
      CIN: 0,
      CL: 1,
      FGC: 0,
      JA: 1,
      PARENT: 1,
      OTHER: 0,
      not_known: 0,
    });
    expect(report.byGender).toEqual({ female: 2, male: 1, non_binary: 1, transgender: 0, other: 0, not_known: 1 });
    expect(report.bySource).toEqual({
      social_worker: 1,
      self: 1,
      carer: 1,
      keyworker: 0,
      iro: 1,
      parent: 0,
      other: 0,
      not_known: 1,
    });
    // Keyed by ONS code ("Kent" and " Kent " are one council), in the order of their names, "not recorded" last.
    expect(report.byLocalAuthority).toEqual({ E10000016: 3, E06000035: 1, not_known: 1 });
    expect(Object.keys(report.byLocalAuthority)).toEqual(['E10000016', 'E06000035', 'not_known']);
  });

  it('bands by age on the referral date, a birthday on that date counting', () => {
    expect(report.byAgeBand).toEqual({
      '0-10': 0,
      '11-15': 2,
      '16-17': 1,
      '18-21': 0,
      '22-25': 0,
      '26+': 1,
      not_known: 1,
    });
  });

  it('counts a referral under each of its issues, once per theme', () => {
    expect(report.byIssue).toEqual({
      ...zeroIssues,
      PLACEMENT: 1,
      CONTACT: 1,
      CP_MEETINGS: 1,
      HOUSING: 2,
      LEAVING_CARE: 1,
    });
    expect(report.issuesByAgeBand['11-15']).toEqual({ ...zeroIssues, PLACEMENT: 1, CONTACT: 1, CP_MEETINGS: 1 });
    expect(report.issuesByAgeBand['16-17']).toEqual({ ...zeroIssues, HOUSING: 1 });
    expect(report.issuesByAgeBand['26+']).toEqual({ ...zeroIssues, HOUSING: 1, LEAVING_CARE: 1 });
    expect(report.issuesByAgeBand['0-10']).toEqual(zeroIssues);
    expect(report.issuesByAgeBand.not_known).toEqual(zeroIssues);
  });

  it('counts allocations made by the end of the quarter, with the median wait in days', () => {
    // Waits 2 (R1), 0 (R4), 10 (R5), 5 (R6); R2 was allocated after 30 June. Median of 0, 2, 5, 10 = 3.5.
    expect(report.allocated).toEqual({ count: 4, percent: 80, medianDaysToAllocation: 3.5 });
  });

  it('counts cases closed in the quarter whenever they were referred', () => {
    // R3 (referred in Q1), R1, R4, and R6 on the last day; not R2 or R7, closed in July.
    expect(report.closed.total).toBe(4);
    expect(report.closed.byOutcome).toEqual({
      all_issues_resolved: 1,
      outstanding_issues: 1,
      outcome_unknown: 0,
      lost_contact: 1,
      did_not_take_up: 1,
      not_recorded: 0,
    });
    expect(report.closed.percentByOutcome).toEqual({
      all_issues_resolved: 25,
      outstanding_issues: 25,
      outcome_unknown: 0,
      lost_contact: 25,
      did_not_take_up: 25,
      not_recorded: 0,
    });
  });

  it('counts brief interventions: referred and closed in the same quarter', () => {
    expect(report.briefInterventions).toEqual({ count: 3, percentOfNewReferrals: 60 }); // R1, R4, R6 of 5
  });

  it('summarises feedback forms received in the quarter', () => {
    const f = report.feedback;
    expect(f.received).toEqual({ young_person: 2, professional: 2 });
    expect(f.youngPerson.listened_to).toEqual({ happy: 2, ok: 0, sad: 0, notAnswered: 0, percentPositive: 100 });
    expect(f.youngPerson.things_changed).toEqual({ happy: 0, ok: 1, sad: 1, notAnswered: 0, percentPositive: 0 });
    expect(f.youngPerson.use_again).toEqual({ happy: 1, ok: 0, sad: 0, notAnswered: 1, percentPositive: 100 });
    expect(f.professional.voice_heard).toEqual({ happy: 1, ok: 1, sad: 0, notAnswered: 0, percentPositive: 50 });
    expect(f.professional.kept_informed).toEqual({ happy: 1, ok: 0, sad: 0, notAnswered: 1, percentPositive: 100 });
    expect(f.professionalByRole).toEqual({ social_worker: 1, parent: 1, carer: 0, iro: 0, teacher: 0, other: 0 });
    expect(f.withComments).toBe(2);
  });
});

describe('the next quarter, 2026-Q3', () => {
  const q3 = quarterlyReport(referrals, forms, parseQuarter('2026-Q3')!);
  it('shows the case referred on 30 June as closed in July, not as a new referral or a brief intervention', () => {
    expect(q3.newReferrals).toBe(1); // R8 only
    expect(q3.closed.total).toBe(2); // R2 (20 July) and R7 (1 July)
    expect(q3.closed.byOutcome.all_issues_resolved).toBe(1);
    expect(q3.closed.byOutcome.outcome_unknown).toBe(1);
    expect(q3.briefInterventions).toEqual({ count: 0, percentOfNewReferrals: 0 });
    expect(q3.allocated).toEqual({ count: 0, percent: 0, medianDaysToAllocation: null });
  });
});

describe('leap-day birthdays', () => {
  // Born 29 Feb 2016: in 2027 (not a leap year) the 11th birthday falls on 1 March.
  const leap = [
    ref({ reference: 'L1', referral_date: '2027-02-28', date_of_birth: '2016-02-29', issues: ['CONTACT'] }),
    ref({ reference: 'L2', referral_date: '2027-03-01', date_of_birth: '2016-02-29', issues: ['CONTACT'] }),
  ];
  it('is still 10 on 28 February and 11 on 1 March', () => {
    const r = quarterlyReport(leap, [], parseQuarter('2027-Q1')!);
    expect(r.byAgeBand['0-10']).toBe(1);
    expect(r.byAgeBand['11-15']).toBe(1);
    expect(r.issuesByAgeBand['0-10'].CONTACT).toBe(1);
    expect(r.issuesByAgeBand['11-15'].CONTACT).toBe(1);
  });
});

describe('an empty quarter', () => {
  it('gives no percentage rather than 0% when there is nothing to divide by', () => {
    const r = quarterlyReport([], [], parseQuarter('2030-Q1')!);
    expect(r.newReferrals).toBe(0);
    expect(r.allocated).toEqual({ count: 0, percent: null, medianDaysToAllocation: null });
    expect(r.briefInterventions.percentOfNewReferrals).toBeNull();
    expect(r.closed.percentByOutcome.all_issues_resolved).toBeNull();
    expect(r.feedback.youngPerson.listened_to.percentPositive).toBeNull();
    expect(r.byLocalAuthority).toEqual({});
  });
});

describe('codes this version does not know', () => {
  it('counts them as not known (or as "other" for issues) instead of losing the referral', () => {
    const odd = {
      ...base,
      reference: 'N1',
      person_reference: 'N1',
      referral_date: '2026-05-01',
      service_user_type: 'NEW_TYPE',
      gender: 'new_gender',
      referral_source: 'new_source',
      issues: ['NEW_ISSUE', 'PLACEMENT'],
      closure_date: '2026-05-02',
      closure_outcome: 'new_outcome',
    } as unknown as ReportReferral;
    const r = quarterlyReport([odd], [], q2);
    expect(r.byServiceUserType.not_known).toBe(1);
    expect(r.byGender.not_known).toBe(1);
    expect(r.bySource.not_known).toBe(1);
    expect(r.byIssue).toEqual({ ...zeroIssues, OTHER: 1, PLACEMENT: 1 });
    expect(r.closed.byOutcome.not_recorded).toBe(1);
    expect(Object.keys(r.byGender)).not.toContain('new_gender');
  });
});

describe('councils in the report', () => {
  it('counts "Lancashire", "Lancashire County Council" and E10000017 as one council, shown by name; text matching no council stays apart', () => {
    const at = (reference: string, la: string | null) => ({
      ...base,
      reference,
      person_reference: reference,
      referral_date: '2026-05-01',
      local_authority: la,
    });
    const r = quarterlyReport(
      [
        at('L1', 'Lancashire'),
        at('L2', 'Lancashire County Council'),
        at('L3', 'E10000017'),
        at('L4', 'Lancshire'),
        at('L5', 'Cumbria'),
      ],
      [],
      q2,
    );
    expect(r.byLocalAuthority).toEqual({ Cumbria: 1, E10000017: 3, Lancshire: 1 });
    expect(Object.keys(r.byLocalAuthority).map(localAuthorityLabel)).toEqual(['Cumbria', 'Lancashire', 'Lancshire']);
  });
});
