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
 */
export function activityForReport(db: Db, period: Period): ReportActivity {
  const p = { from: period.from, to: period.to };
  const live = 'JOIN referrals r ON r.id = x.case_id AND r.deleted_at IS NULL';
  const day = (col: string): string => `substr(${col}, 1, 10) BETWEEN @from AND @to`;

  const issueClosed = "coalesce(x.closed_on, CASE WHEN x.status = 'resolved' OR x.outcome IS NOT NULL THEN r.closure_date END)";
  const issues = db
    .prepare(
      `SELECT r.reference, x.code, x.outcome, ${issueClosed} AS closed_on
       FROM referral_issues x JOIN referrals r ON r.id = x.referral_id AND r.deleted_at IS NULL
       WHERE x.deleted_at IS NULL AND ${day(issueClosed)}`,
    )
    .all(p) as Array<{ reference: string; code: IssueCode; outcome: IssueOutcome | null; closed_on: string | null }>;

  const complaints = (
    db
      .prepare(
        `SELECT r.reference, x.stage, x.received_on, x.extended_to, x.response_received_on, x.outcome, x.panel_held_on, x.panel_report_on,
                x.escalated_from IS NOT NULL AS escalated
         FROM complaints x ${live}
         WHERE x.deleted_at IS NULL AND (${day('x.received_on')} OR ${day('x.response_received_on')})`,
      )
      .all(p) as Array<{
        reference: string; stage: ComplaintStage; received_on: string; extended_to: number | null; response_received_on: string | null;
        outcome: ComplaintOutcome | null; panel_held_on: string | null; panel_report_on: string | null; escalated: number;
      }>
  ).map((c) => ({ ...c, escalated: c.escalated === 1 }));

  // An escalation is the letter that takes it: to Help at Hand, or to the Ombudsman, once sent.
  const escalations = db
    .prepare(
      `SELECT r.reference, CASE x.template_id WHEN 'help-at-hand' THEN 'help_at_hand' ELSE 'ombudsman' END AS route, x.sent_on
       FROM letters x ${live}
       WHERE x.deleted_at IS NULL AND x.template_id IN ('help-at-hand', 'lgsco-complaint') AND ${day('x.sent_on')}`,
    )
    .all(p) as ReportActivity['escalations'];

  const safeguarding = (
    db
      .prepare(
        `SELECT r.reference, x.disclosed_at, coalesce(json_array_length(x.told), 0) > 0 AS shared
         FROM safeguarding_records x ${live} WHERE x.deleted_at IS NULL AND ${day('x.disclosed_at')}`,
      )
      .all(p) as Array<{ reference: string; disclosed_at: string; shared: number }>
  ).map((s) => ({ ...s, shared: s.shared === 1 }));

  const contacts = (
    db
      .prepare(
        `SELECT r.reference, x.type, x.occurred_at, x.duration_minutes, x.travel_minutes, x.miles, coalesce(pp.placement_in_area = 0, 0) AS out_of_area
         FROM contacts x ${live} LEFT JOIN people pp ON pp.id = r.person_id AND pp.deleted_at IS NULL
         WHERE x.deleted_at IS NULL AND ${day('x.occurred_at')}`,
      )
      .all(p) as Array<Omit<ReportContact, 'out_of_area' | 'type'> & { type: ContactType; out_of_area: number }>
  ).map((c) => ({ ...c, out_of_area: c.out_of_area === 1 }));

  // A meeting's debrief is its latest one; a meeting without a debrief is still a meeting supported.
  const meetings = (
    db
      .prepare(
        `SELECT r.reference, x.meeting_type AS type, x.meeting_date AS date, d.attended, d.views_presented, d.wishes_reflected, d.id AS debrief_id
         FROM meetings x ${live}
         LEFT JOIN meeting_debriefs d ON d.id = (
           SELECT dd.id FROM meeting_debriefs dd WHERE dd.meeting_id = x.id AND dd.deleted_at IS NULL ORDER BY dd.created_at DESC, dd.id DESC LIMIT 1)
         WHERE x.deleted_at IS NULL AND ${day('x.meeting_date')}`,
      )
      .all(p) as Array<{ reference: string; type: MeetingType; date: string; attended: string | null; views_presented: string | null; wishes_reflected: string | null; debrief_id: string | null }>
  ).map(
    (m): ReportMeeting => ({
      reference: m.reference,
      type: m.type,
      date: m.date,
      debrief: m.debrief_id
        ? ({ attended: m.attended, viewsPresented: m.views_presented, wishesReflected: m.wishes_reflected } as DebriefAnswers)
        : null,
    }),
  );

  const systemicIssues = db
    .prepare(`SELECT r.reference, x.area, x.issue, x.raised_on FROM systemic_issues x ${live} WHERE x.deleted_at IS NULL AND ${day('x.raised_on')}`)
    .all(p) as Array<{ reference: string; area: SystemicArea; issue: string; raised_on: string }>;

  return { issues, complaints, escalations, safeguarding, contacts, meetings, systemicIssues };
}
