import { describe, expect, it } from 'vitest';
import type { ReportActivity } from '../../../shared/reports/activity';
import { parseQuarter } from '../../../shared/reports/period';
import { casesBehind, quarterlyReport, type ReportReferral } from '../../../shared/reports/quarterly';

const base: ReportReferral = {
  reference: '',
  person_reference: null,
  date_of_birth: null,
  gender: null,
  service_user_type: 'CIC',
  local_authority: null,
  referral_date: null,
  referral_source: null,
  issues: [],
  urgency: 'standard',
  allocated_to: null,
  allocation_date: null,
  closure_date: null,
  closure_outcome: null,
};
const ref = (r: Partial<ReportReferral> & Pick<ReportReferral, 'reference'>): ReportReferral => ({ ...base, ...r });

// 2026-Q2 runs 1 April to 30 June 2026; each line says how it should count.
const referrals: ReportReferral[] = [
  ref({
    reference: 'N1',
    person_reference: 'P1',
    referral_date: '2026-04-10',
    ethnicity: 'WBRI',
    disability_status: 'yes',
    advocacy_type: 'non_instructed',
    placement_area: 'out_of_area',
  }),
  ref({
    reference: 'N2',
    person_reference: 'P2',
    referral_date: '2026-05-01',
    ethnicity: 'BAFR',
    disability_status: 'no',
    advocacy_type: 'instructed',
    placement_area: 'in_area',
  }),
  // Nothing recorded: ethnicity counts as "not yet obtained", disability as not known, advocacy as instructed.
  ref({ reference: 'N3', person_reference: 'P3', referral_date: '2026-06-30' }),
  // A code from a newer Heard is not trusted as a category: not yet obtained.
  ref({ reference: 'N4', person_reference: 'P4', referral_date: '2026-04-15', ethnicity: 'ZZZZ' as never }),
  // Re-referral: the person's last referral closed exactly 365 days before this one.
  ref({
    reference: 'O5',
    person_reference: 'P5',
    referral_date: '2025-01-10',
    closure_date: '2025-04-10',
    closure_outcome: 'all_issues_resolved',
  }),
  ref({ reference: 'N5', person_reference: 'P5', referral_date: '2026-04-10' }),
  // Not a re-referral: 366 days.
  ref({
    reference: 'O6',
    person_reference: 'P6',
    referral_date: '2025-01-10',
    closure_date: '2025-04-09',
    closure_outcome: 'all_issues_resolved',
  }),
  ref({ reference: 'N6', person_reference: 'P6', referral_date: '2026-04-10' }),
  // Re-referral: closed on the very day the new referral came in.
  ref({
    reference: 'O7',
    person_reference: 'P7',
    referral_date: '2026-02-01',
    closure_date: '2026-05-01',
    closure_outcome: 'outstanding_issues',
  }),
  ref({ reference: 'N7', person_reference: 'P7', referral_date: '2026-05-01' }),
  // Not a re-referral: the other referral closed after this one was made (they overlapped).
  ref({
    reference: 'O8',
    person_reference: 'P8',
    referral_date: '2026-01-01',
    closure_date: '2026-05-20',
    closure_outcome: 'outcome_unknown',
  }),
  ref({ reference: 'N8', person_reference: 'P8', referral_date: '2026-05-10' }),
];

const activity: ReportActivity = {
  issues: [
    { reference: 'N1', code: 'PLACEMENT', outcome: 'achieved', closed_on: '2026-04-30' },
    { reference: 'N2', code: 'PLACEMENT', outcome: 'partly_achieved', closed_on: '2026-06-30' },
    { reference: 'N2', code: 'HOUSING', outcome: 'withdrawn', closed_on: '2026-03-31' }, // the day before the quarter
    { reference: 'N3', code: 'EDUCATION', outcome: null, closed_on: '2026-05-05' }, // closed with no outcome recorded
    { reference: 'N3', code: 'HEALTH', outcome: null, closed_on: null }, // still open
    { reference: 'N4', code: 'NEW_THEME' as never, outcome: 'not_achieved', closed_on: '2026-04-01' }, // unknown theme -> other
  ],
  complaints: [
    // Received Wed 13 May; 10 working days (25 May is a bank holiday) -> due Thu 28 May. Answered on the due day: on time.
    {
      reference: 'N1',
      stage: 'stage1',
      received_on: '2026-05-13',
      extended_to: null,
      response_received_on: '2026-05-28',
      outcome: 'resolved',
      panel_held_on: null,
      panel_report_on: null,
      escalated: false,
    },
    // Same dates, answered a day after the due day: late.
    {
      reference: 'N2',
      stage: 'stage1',
      received_on: '2026-05-13',
      extended_to: null,
      response_received_on: '2026-05-29',
      outcome: 'not_resolved',
      panel_held_on: null,
      panel_report_on: null,
      escalated: false,
    },
    // Its Stage 2, asked for on 1 June: a stage received, not a new complaint; no answer yet.
    {
      reference: 'N2',
      stage: 'stage2',
      received_on: '2026-06-01',
      extended_to: null,
      response_received_on: null,
      outcome: null,
      panel_held_on: null,
      panel_report_on: null,
      escalated: true,
    },
    // Made in March (not made this quarter); due Tue 7 April (Good Friday and Easter Monday skipped); answered 2 April: on time.
    {
      reference: 'N3',
      stage: 'stage1',
      received_on: '2026-03-20',
      extended_to: null,
      response_received_on: '2026-04-02',
      outcome: 'resolved',
      panel_held_on: null,
      panel_report_on: null,
      escalated: false,
    },
    // Extended to 20 working days -> due Thu 11 June; answered 5 June: on time.
    {
      reference: 'N4',
      stage: 'stage1',
      received_on: '2026-05-13',
      extended_to: 20,
      response_received_on: '2026-06-05',
      outcome: 'resolved',
      panel_held_on: null,
      panel_report_on: null,
      escalated: false,
    },
  ],
  escalations: [
    { reference: 'N2', route: 'help_at_hand', sent_on: '2026-06-10' },
    { reference: 'N2', route: 'ombudsman', sent_on: '2026-07-01' }, // next quarter
  ],
  safeguarding: [
    { reference: 'N1', disclosed_at: '2026-04-02T10:00', shared: true },
    { reference: 'N2', disclosed_at: '2026-06-30T23:59', shared: false },
    { reference: 'N3', disclosed_at: '2026-07-01T00:01', shared: true },
  ],
  contacts: [
    {
      reference: 'N1',
      type: 'visit',
      occurred_at: '2026-04-05T10:00',
      duration_minutes: 90,
      travel_minutes: 60,
      miles: 42.5,
      out_of_area: true,
    },
    {
      reference: 'N2',
      type: 'visit',
      occurred_at: '2026-05-05T10:00',
      duration_minutes: 45,
      travel_minutes: 30,
      miles: 10.2,
      out_of_area: false,
    },
    {
      reference: 'N2',
      type: 'phone',
      occurred_at: '2026-05-06T10:00',
      duration_minutes: 20,
      travel_minutes: null,
      miles: null,
      out_of_area: false,
    },
    {
      reference: 'N3',
      type: 'visit',
      occurred_at: '2026-07-01T09:00',
      duration_minutes: 60,
      travel_minutes: 60,
      miles: 30,
      out_of_area: true,
    },
  ],
  meetings: [
    {
      reference: 'N1',
      type: 'cic_review',
      date: '2026-04-20',
      debrief: { attended: 'whole', viewsPresented: 'young_person', wishesReflected: 'yes' },
    },
    {
      reference: 'N2',
      type: 'cp_review_conference',
      date: '2026-05-20',
      debrief: { attended: 'no', viewsPresented: 'not_presented', wishesReflected: null },
    },
    { reference: 'N3', type: 'cic_review', date: '2026-06-01', debrief: null },
    { reference: 'N3', type: 'pep', date: '2026-07-02', debrief: null },
  ],
  systemicIssues: [
    {
      reference: 'N1',
      area: 'health_social_care',
      issue: 'High turnover in the 16-plus team',
      raised_on: '2026-04-03',
    },
    {
      reference: 'N2',
      area: 'health_social_care',
      issue: ' high turnover in the  16-plus team.',
      raised_on: '2026-05-03',
    },
    {
      reference: 'N2',
      area: 'health_social_care',
      issue: 'High turnover in the 16-plus team',
      raised_on: '2026-05-04',
    },
    { reference: 'N3', area: 'wider_community', issue: 'No education provision for UASC', raised_on: '2026-06-03' },
    {
      reference: 'N4',
      area: 'advocacy_service',
      issue: 'Waiting list for Pashto interpreters',
      raised_on: '2026-07-01',
    },
  ],
};

const q2 = parseQuarter('2026-Q2')!;
const report = quarterlyReport(referrals, [], q2, activity);

describe("commissioners' figures, 2026-Q2 worked by hand", () => {
  it('adds the new keys after the existing ones', () => {
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
    expect(report.newReferrals).toBe(8);
  });

  it('counts ethnicity by DfE code, with nothing recorded as not yet obtained', () => {
    expect(Object.keys(report.byEthnicity)).toHaveLength(20);
    expect(Object.entries(report.byEthnicity).filter(([, n]) => n > 0)).toEqual([
      ['WBRI', 1],
      ['BAFR', 1],
      ['NOBT', 6],
    ]);
  });

  it('counts disability, advocacy type and out-of-area placements over new referrals', () => {
    expect(report.byDisability).toEqual({ yes: 1, no: 1, not_known: 6 });
    expect(report.byAdvocacyType).toEqual({ instructed: 7, non_instructed: 1 });
    expect(report.outOfArea).toEqual({ count: 1, percent: 12.5 });
  });

  it('counts a re-referral 365 days after a closure but not 366, and not an overlapping referral', () => {
    expect(report.reReferrals).toEqual({ count: 2, percent: 25 });
    expect(casesBehind(referrals, q2, activity, 'reReferrals', 'count')).toEqual(['N5', 'N7']);
  });

  it('counts issue outcomes for issues resolved in the quarter, by theme', () => {
    expect(report.issueOutcomes.PLACEMENT).toEqual({
      achieved: 1,
      partly_achieved: 1,
      not_achieved: 0,
      withdrawn: 0,
      not_recorded: 0,
    });
    expect(report.issueOutcomes.HOUSING).toEqual({
      achieved: 0,
      partly_achieved: 0,
      not_achieved: 0,
      withdrawn: 0,
      not_recorded: 0,
    });
    expect(report.issueOutcomes.EDUCATION.not_recorded).toBe(1);
    expect(report.issueOutcomes.HEALTH.not_recorded).toBe(0);
    expect(report.issueOutcomes.OTHER.not_achieved).toBe(1);
  });

  it('counts complaints made and by stage, an answer on its due day as on time and a day later as late', () => {
    expect(report.complaints).toEqual({
      made: 3,
      byStage: { stage1: 3, stage2: 1, stage3: 0 },
      respondedOnTime: 3,
      respondedLate: 1,
      escalated: { help_at_hand: 1, ombudsman: 0 },
    });
    expect(casesBehind(referrals, q2, activity, 'complaints', 'respondedLate')).toEqual(['N2']);
    expect(casesBehind(referrals, q2, activity, 'complaints', 'respondedOnTime')).toEqual(['N1', 'N3', 'N4']);
  });

  it('counts safeguarding records made in the quarter and those where confidentiality was broken', () => {
    expect(report.safeguarding).toEqual({ records: 2, confidentialityBroken: 1 });
  });

  it('adds up visits, other contacts, hours and miles, and visits out of area', () => {
    // (90 + 45 + 20) minutes = 2.58 hours -> 2.6; travel 90 minutes = 1.5; 42.5 + 10.2 miles.
    expect(report.contacts).toEqual({
      visits: 2,
      otherContacts: 1,
      hours: 2.6,
      travelHours: 1.5,
      miles: 52.7,
      outOfAreaVisits: 1,
    });
  });

  it('counts meetings supported by type, with participation over the debriefed ones', () => {
    const m = report.meetings;
    expect(m.supported).toBe(3);
    expect(Object.entries(m.byType).filter(([, n]) => n > 0)).toEqual([
      ['cp_review_conference', 1],
      ['cic_review', 2],
    ]);
    expect({ debriefed: m.debriefed, tookPart: m.tookPart, viewsHeard: m.viewsHeard }).toEqual({
      debriefed: 2,
      tookPart: 1,
      viewsHeard: 1,
    });
    expect(m.outcome).toEqual({ yes: 1, partly: 0, no: 0, unknown: 1 });
    expect(m.percent).toEqual({ tookPart: 50, viewsHeard: 50, outcomeAchieved: 50 });
  });

  it('groups systemic issues by area and wording, counting each case once', () => {
    expect(report.systemicIssues).toEqual({
      individuals: { cases: 0, issues: [] },
      health_social_care: { cases: 2, issues: [{ issue: 'High turnover in the 16-plus team', cases: 2 }] },
      wider_community: { cases: 1, issues: [{ issue: 'No education provision for UASC', cases: 1 }] },
      advocacy_service: { cases: 0, issues: [] },
    });
    expect(
      casesBehind(referrals, q2, activity, 'systemicIssues', 'health_social_care:high turnover in the 16-plus team'),
    ).toEqual(['N1', 'N2']);
  });

  it('lists the cases behind the older figures too', () => {
    expect(casesBehind(referrals, q2, activity, 'byEthnicity', 'NOBT')).toEqual(['N3', 'N4', 'N5', 'N6', 'N7', 'N8']);
    expect(casesBehind(referrals, q2, activity, 'closed', 'total')).toEqual(['O7', 'O8']);
    expect(casesBehind(referrals, q2, activity, 'byDisability', 'yes')).toEqual(['N1']);
  });
});

describe('a quarter with no data', () => {
  const empty = quarterlyReport([], [], parseQuarter('2031-Q1')!);
  it('has every new figure at zero, with no percentages rather than 0%', () => {
    expect(Object.values(empty.byEthnicity).every((n) => n === 0)).toBe(true);
    expect(empty.byDisability).toEqual({ yes: 0, no: 0, not_known: 0 });
    expect(empty.byAdvocacyType).toEqual({ instructed: 0, non_instructed: 0 });
    expect(empty.outOfArea).toEqual({ count: 0, percent: null });
    expect(empty.reReferrals).toEqual({ count: 0, percent: null });
    expect(Object.values(empty.issueOutcomes).every((o) => Object.values(o).every((n) => n === 0))).toBe(true);
    expect(empty.complaints).toEqual({
      made: 0,
      byStage: { stage1: 0, stage2: 0, stage3: 0 },
      respondedOnTime: 0,
      respondedLate: 0,
      escalated: { help_at_hand: 0, ombudsman: 0 },
    });
    expect(empty.safeguarding).toEqual({ records: 0, confidentialityBroken: 0 });
    expect(empty.contacts).toEqual({
      visits: 0,
      otherContacts: 0,
      hours: 0,
      travelHours: 0,
      miles: 0,
      outOfAreaVisits: 0,
    });
    expect(empty.meetings.supported).toBe(0);
    expect(empty.meetings.percent).toEqual({ tookPart: null, viewsHeard: null, outcomeAchieved: null });
    expect(Object.values(empty.systemicIssues)).toEqual([
      { cases: 0, issues: [] },
      { cases: 0, issues: [] },
      { cases: 0, issues: [] },
      { cases: 0, issues: [] },
    ]);
  });
});
