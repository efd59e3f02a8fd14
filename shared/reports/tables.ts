import { issueCodes } from '../domain/codes';
import { issueOutcomeLabels as issueOutcomeWords } from '../domain/code-labels';
import { stageLabels } from '../domain/complaint-deadlines';
import { disabilityLabels, ethnicityLabels, systemicAreaLabels, systemicAreas } from '../domain/equality';
import { meetingTypeLabels } from '../domain/meetings';
import { reportIssueOutcomes, systemicKey } from './activity';
import { reportAgeBands } from './age';
import { questionLabels, respondentRoleLabels, smileyLabels } from './feedback';
import {
  advocacyTypeReportLabels, ageBandLabels, genderLabels, issueLabels, localAuthorityLabel, outcomeLabels, serviceUserTypeLabels, sourceLabels,
} from './labels';
import type { FullReport } from './quarterly';
import { percent } from './rounding';

/**
 * The report as tables: one per breakdown, each row with this period's figure and the previous
 * period's beside it. The screen, the CSV files, the workbook and the PDF are all drawn from these,
 * so they cannot disagree. A row that counts cases names its figure, so the screen can list the
 * cases behind it.
 */
export interface ReportTableRow {
  code: string;
  label: string;
  count: number | null;
  /** Percent of the table's base (`percentOf`); null when there is no base or nothing to divide by. */
  percent: number | null;
  /** The same figure in the previous period; undefined when no previous period was given. */
  previous?: number | null;
  /** Where to look up the cases behind this figure; absent for figures that are not counts of cases. */
  cases?: { figure: string; code: string };
}

export interface ReportTable {
  id: string;
  title: string;
  /** What the percentages are of, in words; null when the table has none. */
  percentOf: string | null;
  /** How the PDF and the screen draw it beside the table. */
  chart: 'bar' | 'pie' | null;
  rows: ReportTableRow[];
}

export const issueOutcomeLabels: Record<(typeof reportIssueOutcomes)[number], string> = { ...issueOutcomeWords, not_recorded: 'Outcome not recorded' };

const label = (labels: Record<string, string>) => (code: string): string => labels[code] ?? code;

/** A number of the report found by a path, for reading the previous period's figure of the same row. */
type Pick = (r: FullReport) => number | null;

export function reportTables(report: FullReport, previous?: FullReport): ReportTable[] {
  const n = report.newReferrals;
  const tables: ReportTable[] = [];
  const table = (id: string, title: string, percentOf: string | null, chart: ReportTable['chart'], rows: Array<[ReportTableRow, Pick]>): void => {
    tables.push({
      id,
      title,
      percentOf,
      chart,
      rows: rows.map(([row, pick]) => (previous ? { ...row, previous: pick(previous) } : row)),
    });
  };
  const row = (code: string, text: string, count: number | null, pct: number | null, pick: Pick, cases?: [string, string]): [ReportTableRow, Pick] => [
    { code, label: text, count, percent: pct, ...(cases ? { cases: { figure: cases[0], code: cases[1] } } : {}) },
    pick,
  ];
  const counts = (figure: keyof FullReport, names: (c: string) => string, total: number | null) =>
    Object.entries(report[figure] as Record<string, number>).map(([code, count]) =>
      row(code, names(code), count, total === null ? null : percent(count, total), (r) => (r[figure] as Record<string, number>)[code] ?? 0, [figure, code]),
    );

  const a = report.allocated;
  table('summary', 'Summary', 'new referrals', null, [
    row('newReferrals', 'New referrals', n, null, (r) => r.newReferrals, ['newReferrals', 'total']),
    row('allocated', 'Allocated an advocate', a.count, a.percent, (r) => r.allocated.count, ['allocated', 'count']),
    row('medianDaysToAllocation', 'Median days from referral to allocation', a.medianDaysToAllocation, null, (r) => r.allocated.medianDaysToAllocation),
    row('closed', 'Cases closed', report.closed.total, null, (r) => r.closed.total, ['closed', 'total']),
    row('briefInterventions', 'Referred and closed in the period', report.briefInterventions.count, report.briefInterventions.percentOfNewReferrals, (r) => r.briefInterventions.count, ['briefInterventions', 'count']),
    row('outOfArea', 'Placed out of area', report.outOfArea.count, report.outOfArea.percent, (r) => r.outOfArea.count, ['outOfArea', 'count']),
    row('reReferrals', 'Re-referred within a year of a closure', report.reReferrals.count, report.reReferrals.percent, (r) => r.reReferrals.count, ['reReferrals', 'count']),
  ]);
  table('service_users', 'Service users', 'new referrals', 'bar', counts('byServiceUserType', label(serviceUserTypeLabels), n));
  table('issues', 'Issues raised', 'new referrals', 'bar', counts('byIssue', label(issueLabels), n));
  table('age', 'Age at referral', 'new referrals', 'bar', counts('byAgeBand', label(ageBandLabels), n));
  table('issues_by_age', 'Issues by age at referral', null, null, reportAgeBands.flatMap((band) =>
    issueCodes.map((code) => row(`${band}:${code}`, `${ageBandLabels[band]}: ${issueLabels[code]}`, report.issuesByAgeBand[band][code], null, (r) => r.issuesByAgeBand[band][code], ['issuesByAgeBand', `${band}:${code}`])),
  ));
  table('gender', 'Gender', 'new referrals', 'pie', counts('byGender', label(genderLabels), n));
  table('ethnicity', 'Ethnicity', 'new referrals', 'bar', counts('byEthnicity', label(ethnicityLabels), n));
  table('disability', 'Disability', 'new referrals', 'pie', counts('byDisability', label(disabilityLabels), n));
  table('advocacy_type', 'Instructed and non-instructed advocacy', 'new referrals', 'pie', counts('byAdvocacyType', label(advocacyTypeReportLabels), n));
  table('source', 'Referral source', 'new referrals', 'bar', counts('bySource', label(sourceLabels), n));
  table('local_authority', 'Local authority', 'new referrals', 'bar', counts('byLocalAuthority', localAuthorityLabel, n));
  const closed = report.closed;
  table('closures', 'How cases closed', 'cases closed', 'pie', Object.entries(closed.byOutcome).map(([code, count]) =>
    row(code, label(outcomeLabels)(code), count, closed.percentByOutcome[code as keyof typeof closed.percentByOutcome], (r) => r.closed.byOutcome[code as keyof typeof closed.byOutcome], ['closed', code]),
  ));
  table('issue_outcomes', 'Issue outcomes', 'issues resolved with that theme', null, issueCodes.flatMap((code) => {
    const of = reportIssueOutcomes.reduce((sum, o) => sum + report.issueOutcomes[code][o], 0);
    return reportIssueOutcomes.map((o) =>
      row(`${code}:${o}`, `${issueLabels[code]}: ${issueOutcomeLabels[o]}`, report.issueOutcomes[code][o], percent(report.issueOutcomes[code][o], of), (r) => r.issueOutcomes[code][o], ['issueOutcomes', `${code}:${o}`]),
    );
  }));
  const c = report.complaints;
  table('complaints', 'Complaints', null, null, [
    row('made', 'Complaints made', c.made, null, (r) => r.complaints.made, ['complaints', 'made']),
    ...(['stage1', 'stage2', 'stage3'] as const).map((s) => row(s, stageLabels[s], c.byStage[s], null, (r) => r.complaints.byStage[s], ['complaints', s])),
    row('respondedOnTime', 'Council responded on time', c.respondedOnTime, percent(c.respondedOnTime, c.respondedOnTime + c.respondedLate), (r) => r.complaints.respondedOnTime, ['complaints', 'respondedOnTime']),
    row('respondedLate', 'Council responded late', c.respondedLate, percent(c.respondedLate, c.respondedOnTime + c.respondedLate), (r) => r.complaints.respondedLate, ['complaints', 'respondedLate']),
    row('help_at_hand', "Escalated to Help at Hand (Children's Commissioner)", c.escalated.help_at_hand, null, (r) => r.complaints.escalated.help_at_hand, ['complaints', 'help_at_hand']),
    row('ombudsman', 'Escalated to the Local Government and Social Care Ombudsman', c.escalated.ombudsman, null, (r) => r.complaints.escalated.ombudsman, ['complaints', 'ombudsman']),
  ]);
  table('safeguarding', 'Safeguarding', null, null, [
    row('records', 'Safeguarding records made', report.safeguarding.records, null, (r) => r.safeguarding.records, ['safeguarding', 'records']),
    row('confidentialityBroken', 'Confidentiality broken (information shared)', report.safeguarding.confidentialityBroken, null, (r) => r.safeguarding.confidentialityBroken, ['safeguarding', 'confidentialityBroken']),
  ]);
  const k = report.contacts;
  table('contacts', 'Visits and contacts', null, null, [
    row('visits', 'Visits', k.visits, null, (r) => r.contacts.visits, ['contacts', 'visits']),
    row('outOfAreaVisits', 'Visits to young people placed out of area', k.outOfAreaVisits, percent(k.outOfAreaVisits, k.visits), (r) => r.contacts.outOfAreaVisits, ['contacts', 'outOfAreaVisits']),
    row('otherContacts', 'Other contacts (phone, video, messages, meetings)', k.otherContacts, null, (r) => r.contacts.otherContacts, ['contacts', 'otherContacts']),
    row('hours', 'Hours with or for young people', k.hours, null, (r) => r.contacts.hours, ['contacts', 'hours']),
    row('travelHours', 'Hours travelling', k.travelHours, null, (r) => r.contacts.travelHours, ['contacts', 'travelHours']),
    row('miles', 'Miles travelled', k.miles, null, (r) => r.contacts.miles, ['contacts', 'miles']),
  ]);
  const m = report.meetings;
  table('meetings', 'Meetings supported', null, null, [
    row('supported', 'Meetings supported', m.supported, null, (r) => r.meetings.supported, ['meetings', 'supported']),
    ...Object.entries(m.byType).map(([t, v]) => row(t, meetingTypeLabels[t as keyof typeof meetingTypeLabels], v, percent(v, m.supported), (r) => r.meetings.byType[t as keyof typeof m.byType], ['meetingsByType', t])),
    row('debriefed', 'Meetings with a debrief', m.debriefed, null, (r) => r.meetings.debriefed, ['meetings', 'debriefed']),
    row('tookPart', 'Young person took part', m.tookPart, m.percent.tookPart, (r) => r.meetings.tookPart, ['meetings', 'tookPart']),
    row('viewsHeard', 'Their views were heard', m.viewsHeard, m.percent.viewsHeard, (r) => r.meetings.viewsHeard, ['meetings', 'viewsHeard']),
    ...(['yes', 'partly', 'no', 'unknown'] as const).map((o) =>
      row(`outcome:${o}`, `Decision reflected their wishes: ${{ yes: 'yes', partly: 'partly', no: 'no', unknown: 'not known' }[o]}`, m.outcome[o], percent(m.outcome[o], m.debriefed), (r) => r.meetings.outcome[o], ['meetingOutcomes', o]),
    ),
  ]);
  table('systemic_issues', 'Systemic issues', null, null, systemicAreas.flatMap((area) => {
    const s = report.systemicIssues[area];
    return [
      row(area, `${systemicAreaLabels[area]} (cases)`, s.cases, null, (r) => r.systemicIssues[area].cases, ['systemicIssues', area]),
      ...s.issues.map((i) => row(`${area}:${systemicKey(i.issue)}`, `${systemicAreaLabels[area]}: ${i.issue}`, i.cases, null,
        (r) => r.systemicIssues[area].issues.find((x) => systemicKey(x.issue) === systemicKey(i.issue))?.cases ?? 0, ['systemicIssues', `${area}:${systemicKey(i.issue)}`])),
    ];
  }));
  const f = report.feedback;
  table('feedback', 'Feedback', 'answers to the question', null, [
    row('young_person', "Young people's forms received", f.received.young_person, null, (r) => r.feedback.received.young_person),
    row('professional', "Professionals' and parents' forms received", f.received.professional, null, (r) => r.feedback.received.professional),
    ...(['youngPerson', 'professional'] as const).flatMap((group) =>
      Object.entries(f[group]).flatMap(([q, s]) => {
        const answered = s.happy + s.ok + s.sad;
        const qLabel = questionLabels[q as keyof typeof questionLabels];
        return (['happy', 'ok', 'sad'] as const).map((ans) =>
          row(`${q}:${ans}`, `${qLabel} ${smileyLabels[ans]}`, s[ans], percent(s[ans], answered), (r) => (r.feedback[group] as Record<string, typeof s>)[q]?.[ans] ?? 0),
        );
      }),
    ),
    ...Object.entries(f.professionalByRole).map(([role, v]) => row(`role:${role}`, respondentRoleLabels[role as keyof typeof respondentRoleLabels], v, null, (r) => r.feedback.professionalByRole[role as keyof typeof f.professionalByRole])),
    row('withComments', 'Forms with a suggestion', f.withComments, null, (r) => r.feedback.withComments),
  ]);
  return tables;
}
