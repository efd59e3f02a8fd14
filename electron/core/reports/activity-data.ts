import type { IssueCode, IssueOutcome } from '../../../shared/domain/codes';
import type { ComplaintOutcome, ComplaintStage } from '../../../shared/domain/complaint-deadlines';
import type { SystemicArea } from '../../../shared/domain/equality';
import type { ContactType } from '../../../shared/domain/fieldwork';
import type { MeetingType } from '../../../shared/domain/meetings';
import type { DebriefAnswers } from '../../../shared/domain/meetings-outcomes';
import type { ReportActivity, ReportContact, ReportMeeting } from '../../../shared/reports/activity';
import type { Period } from '../../../shared/reports/period';
import type { Db } from '../db/database';

/**
 * The casework behind a period's report, read from this device's store in the shapes the shared
 * report function takes: only the period's rows, each with its case's reference and no names.
 * Records of deleted cases are left out, as the caseload leaves them out.
 *
 * Dates are compared as stored text against the period's first day and the day after its last,
 * which holds for both dates and date-times and lets every lookup use its date index.
 */
export function activityForReport(db: Db, period: Period): ReportActivity {
  const p = { from: period.from, after: dayAfter(period.to) };
  const live = 'JOIN referrals r ON r.id = x.case_id AND r.deleted_at IS NULL';
  const within = (col: string): string => `${col} >= @from AND ${col} < @after`;

  // An issue closed in the period: by its own closing day, or (recorded before issues had one) by its case's.
  const issues = db
    .prepare(
      `SELECT r.reference, x.code, x.outcome, x.closed_on
       FROM referral_issues x JOIN referrals r ON r.id = x.referral_id AND r.deleted_at IS NULL
       WHERE x.deleted_at IS NULL AND ${within('x.closed_on')}
       UNION ALL
       SELECT r.reference, x.code, x.outcome, r.closure_date
       FROM referrals r JOIN referral_issues x ON x.referral_id = r.id
       WHERE r.deleted_at IS NULL AND ${within('r.closure_date')} AND x.deleted_at IS NULL AND x.closed_on IS NULL
         AND (x.status = 'resolved' OR x.outcome IS NOT NULL)`,
    )
    .all(p) as Array<{ reference: string; code: IssueCode; outcome: IssueOutcome | null; closed_on: string | null }>;

  const complaints = (
    db
      .prepare(
        `SELECT r.reference, x.stage, x.received_on, x.extended_to, x.response_received_on, x.outcome, x.panel_held_on, x.panel_report_on,
                x.escalated_from IS NOT NULL AS escalated
         FROM complaints x ${live}
         WHERE x.deleted_at IS NULL AND (${within('x.received_on')} OR ${within('x.response_received_on')})`,
      )
      .all(p) as Array<{
      reference: string;
      stage: ComplaintStage;
      received_on: string;
      extended_to: number | null;
      response_received_on: string | null;
      outcome: ComplaintOutcome | null;
      panel_held_on: string | null;
      panel_report_on: string | null;
      escalated: number;
    }>
  ).map((c) => ({ ...c, escalated: c.escalated === 1 }));

  // An escalation is the letter that takes it: to Help at Hand, or to the Ombudsman, once sent.
  const escalations = db
    .prepare(
      `SELECT r.reference, CASE x.template_id WHEN 'help-at-hand' THEN 'help_at_hand' ELSE 'ombudsman' END AS route, x.sent_on
       FROM letters x ${live}
       WHERE x.deleted_at IS NULL AND x.template_id IN ('help-at-hand', 'lgsco-complaint') AND ${within('x.sent_on')}`,
    )
    .all(p) as ReportActivity['escalations'];

  const safeguarding = (
    db
      .prepare(
        `SELECT r.reference, x.disclosed_at, coalesce(json_array_length(x.told), 0) > 0 AS shared
         FROM safeguarding_records x ${live} WHERE x.deleted_at IS NULL AND ${within('x.disclosed_at')}`,
      )
      .all(p) as Array<{ reference: string; disclosed_at: string; shared: number }>
  ).map((s) => ({ ...s, shared: s.shared === 1 }));

  const contacts = (
    db
      .prepare(
        `SELECT r.reference, x.type, x.occurred_at, x.duration_minutes, x.travel_minutes, x.miles, coalesce(pp.placement_in_area = 0, 0) AS out_of_area
         FROM contacts x ${live} LEFT JOIN people pp ON pp.id = r.person_id AND pp.deleted_at IS NULL
         WHERE x.deleted_at IS NULL AND ${within('x.occurred_at')}`,
      )
      .all(p) as Array<Omit<ReportContact, 'out_of_area' | 'type'> & { type: ContactType; out_of_area: number }>
  ).map((c) => ({ ...c, out_of_area: c.out_of_area === 1 }));

  // A meeting's debrief is its latest one; a meeting without a debrief is still a meeting supported.
  const meetingRows = db
    .prepare(
      `SELECT x.id, r.reference, x.meeting_type AS type, x.meeting_date AS date, d.attended, d.views_presented, d.wishes_reflected, d.id AS debrief_id
       FROM meetings x ${live}
       LEFT JOIN meeting_debriefs d ON d.meeting_id = x.id AND d.deleted_at IS NULL
       WHERE x.deleted_at IS NULL AND ${within('x.meeting_date')}
       ORDER BY x.id, d.created_at, d.id`,
    )
    .all(p) as Array<{
    id: string;
    reference: string;
    type: MeetingType;
    date: string;
    attended: string | null;
    views_presented: string | null;
    wishes_reflected: string | null;
    debrief_id: string | null;
  }>;
  const latest = new Map<string, (typeof meetingRows)[number]>();
  for (const m of meetingRows) latest.set(m.id, m);
  const meetings = [...latest.values()].map((m): ReportMeeting => ({
    reference: m.reference,
    type: m.type,
    date: m.date,
    debrief: m.debrief_id
      ? ({
          attended: m.attended,
          viewsPresented: m.views_presented,
          wishesReflected: m.wishes_reflected,
        } as DebriefAnswers)
      : null,
  }));

  const systemicIssues = db
    .prepare(
      `SELECT r.reference, x.area, x.issue, x.raised_on FROM systemic_issues x ${live} WHERE x.deleted_at IS NULL AND ${within('x.raised_on')}`,
    )
    .all(p) as Array<{ reference: string; area: SystemicArea; issue: string; raised_on: string }>;

  return { issues, complaints, escalations, safeguarding, contacts, meetings, systemicIssues };
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
