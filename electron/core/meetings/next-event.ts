import { meetingTypeLabels, type MeetingType } from '../../../shared/domain/meetings';
import type { NextEventProvider } from '../caseload/next-event-provider';
import type { Db } from '../db/database';

/** The caseload list's "next" column: each case's earliest meeting on or after today. */
export const meetingsNextEvent: NextEventProvider = (db: Db, caseIds, today) => {
  const out = new Map<string, { date: string; label: string }>();
  const wanted = new Set(caseIds);
  const rows = db
    .prepare(
      'SELECT case_id, meeting_type, meeting_date FROM meetings WHERE deleted_at IS NULL AND meeting_date >= ? ORDER BY meeting_date, start_time IS NOT NULL, start_time',
    )
    .all(today) as { case_id: string; meeting_type: MeetingType; meeting_date: string }[];
  for (const r of rows) {
    if (wanted.has(r.case_id) && !out.has(r.case_id))
      out.set(r.case_id, { date: r.meeting_date, label: meetingTypeLabels[r.meeting_type] });
  }
  return out;
};
