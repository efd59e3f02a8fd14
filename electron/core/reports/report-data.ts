import type {
  FeedbackFormRecord,
  ProfessionalQuestion,
  RespondentRole,
  SmileyAnswer,
  YoungPersonQuestion,
} from '../../../shared/reports/feedback';
import type { Period } from '../../../shared/reports/period';
import { casesBehind, quarterlyReport, type FullReport, type ReportReferral } from '../../../shared/reports/quarterly';
import { activityForReport } from './activity-data';
import { listReferralsForReport } from '../caseload/case-summary';
import type { Db } from '../db/database';

/**
 * The records on this device, in the shape the shared report function takes. Referrals come from
 * the caseload's own reader, so a report and the caseload can never count differently.
 */
export function referralsForReport(db: Db, period: Period): ReportReferral[] {
  return [...listReferralsForReport(db, period), ...earlierClosures(db, period)];
}

/**
 * For re-referrals: the other referrals of the people referred in the period that closed in the
 * year before it, as bare closures (no referral date, so no other figure counts them).
 */
function earlierClosures(db: Db, period: Period): ReportReferral[] {
  const rows = db
    .prepare(
      `SELECT r.reference, coalesce(p.person_reference, p.id) AS person_reference, r.closure_date
       FROM referrals r JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
       WHERE r.deleted_at IS NULL AND r.closure_date >= @closedFrom AND r.closure_date < @from
         AND NOT (coalesce(substr(r.referral_date, 1, 10), '') BETWEEN @from AND @to)
         AND r.person_id IN (SELECT person_id FROM referrals WHERE deleted_at IS NULL AND substr(referral_date, 1, 10) BETWEEN @from AND @to)`,
    )
    .all({ from: period.from, to: period.to, closedFrom: yearBefore(period.from) }) as Array<{
    reference: string;
    person_reference: string;
    closure_date: string;
  }>;
  return rows.map((r) => ({
    reference: r.reference,
    person_reference: r.person_reference,
    closure_date: r.closure_date,
    date_of_birth: null,
    gender: null,
    service_user_type: null,
    local_authority: null,
    referral_date: null,
    referral_source: null,
    issues: [],
    urgency: null,
    allocated_to: null,
    allocation_date: null,
    closure_outcome: null,
  }));
}

/** 365 days before an ISO date: how far back a re-referral looks for the person's last closure. */
export function yearBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 365);
  return d.toISOString().slice(0, 10);
}

interface FeedbackRow {
  kind: string;
  received_date: string;
  respondent_role: string | null;
  listened_to: string | null;
  things_changed: string | null;
  use_again: string | null;
  voice_heard: string | null;
  kept_informed: string | null;
  recommend: string | null;
  has_comment: number;
}

export function feedbackForReport(db: Db, period: Period): FeedbackFormRecord[] {
  const rows = db
    .prepare(
      `SELECT kind, received_date, respondent_role, listened_to, things_changed, use_again, voice_heard, kept_informed, recommend,
              length(trim(comment)) > 0 AS has_comment
       FROM feedback_forms WHERE deleted_at IS NULL AND received_date BETWEEN ? AND ?`,
    )
    .all(period.from, period.to) as FeedbackRow[];
  const a = (v: string | null): SmileyAnswer | null => (v === 'happy' || v === 'ok' || v === 'sad' ? v : null);
  return rows.map((r) => {
    const answers: Partial<Record<YoungPersonQuestion | ProfessionalQuestion, SmileyAnswer | null>> =
      r.kind === 'young_person'
        ? { listened_to: a(r.listened_to), things_changed: a(r.things_changed), use_again: a(r.use_again) }
        : { voice_heard: a(r.voice_heard), kept_informed: a(r.kept_informed), recommend: a(r.recommend) };
    return {
      kind: r.kind === 'young_person' ? 'young_person' : 'professional',
      received_date: r.received_date,
      respondent_role: r.respondent_role as RespondentRole | null,
      answers,
      has_comment: r.has_comment === 1,
    };
  });
}

/** The report over the records on this device. */
export function buildQuarterlyReport(db: Db, period: Period): FullReport {
  return quarterlyReport(
    referralsForReport(db, period),
    feedbackForReport(db, period),
    period,
    activityForReport(db, period),
  );
}

/** The references of the cases one figure counts, so a manager can check it before it is sent. */
export function casesBehindFigure(db: Db, period: Period, figure: string, code: string): string[] {
  return casesBehind(referralsForReport(db, period), period, activityForReport(db, period), figure, code);
}

export const reportFileName = (period: Period, ext: string): string =>
  `heard-report-${period.from}-to-${period.to}.${ext}`;
