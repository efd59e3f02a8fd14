import {
  meetingOutcome,
  outcomeMeasures,
  type DebriefAnswers,
  type OutcomeMeasures,
} from '../../../shared/domain/meetings-outcomes';
import type { Attendance, ViewsPresented, WishesReflected } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/ipc/errors';
import type { Debrief } from '../../../shared/ipc/meetings';
import type { ParsedInput } from '../../../shared/ipc/contract';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';
import { meetingRow } from './meetings-service';
import { parseJson, type DebriefRow } from './rows';

const answers = (r: DebriefRow): DebriefAnswers => ({
  attended: r.attended as Attendance | null,
  viewsPresented: r.views_presented as ViewsPresented | null,
  wishesReflected: r.wishes_reflected as WishesReflected | null,
});

function toDebrief(r: DebriefRow): Debrief {
  const a = answers(r);
  return {
    meetingId: r.meeting_id,
    caseId: r.case_id,
    ...a,
    decisions: r.decisions,
    actions: parseJson<Debrief['actions']>(r.actions, []),
    issuesMoved: parseJson<Debrief['issuesMoved']>(r.issues_moved, []),
    debriefedOn: r.debriefed_on,
    notes: r.notes,
    outcome: meetingOutcome(a),
  };
}

export function getDebrief(db: Db, meetingId: string): Debrief | null {
  const row = db.prepare('SELECT * FROM meeting_debriefs WHERE id = ? AND deleted_at IS NULL').get(meetingId) as
    DebriefRow | undefined;
  return row ? toDebrief(row) : null;
}

export function saveDebrief(ctx: CoreContext, input: ParsedInput<'meetings.saveDebrief'>): Debrief {
  const db = ctx.db();
  const meeting = meetingRow(db, input.meetingId);
  const known = new Set(
    db
      .prepare('SELECT id FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL')
      .pluck()
      .all(meeting.case_id) as string[],
  );
  if (input.issuesMoved.some((m) => !known.has(m.issueId))) {
    throw new AppError(
      'invalid_input',
      'One of the issues chosen is not an issue on this case. Reload the meeting and choose again.',
    );
  }
  const exists = db.prepare('SELECT 1 FROM meeting_debriefs WHERE id = ?').get(meeting.id) !== undefined;
  ctx.write((w) =>
    // The debrief's id is the meeting's id: one debrief per meeting, even across devices.
    w.upsert('meeting_debrief', meeting.id, meeting.case_id, {
      case_id: meeting.case_id,
      meeting_id: meeting.id,
      attended: input.attended,
      views_presented: input.viewsPresented,
      decisions: input.decisions,
      wishes_reflected: input.wishesReflected,
      actions: input.actions,
      issues_moved: input.issuesMoved,
      debriefed_on: input.debriefedOn,
      notes: input.notes,
      created_at: exists ? undefined : ctx.now().toISOString(),
    }),
  );
  ctx.emit({ type: 'changed', entity: 'meeting_debrief' });
  return getDebrief(db, meeting.id)!;
}

/**
 * The outcome measures over debriefed meetings (of one case, or all; optionally only meetings dated
 * between `from` and `to` inclusive, such as a reporting quarter). Deleted meetings do not count.
 */
export function measuresFor(
  db: Db,
  filter: { caseId?: string | undefined; from?: string | undefined; to?: string | undefined } = {},
): OutcomeMeasures {
  const where = ['d.deleted_at IS NULL'];
  const args: string[] = [];
  if (filter.caseId) {
    where.push('d.case_id = ?');
    args.push(filter.caseId);
  }
  if (filter.from) {
    where.push('m.meeting_date >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    where.push('m.meeting_date <= ?');
    args.push(filter.to);
  }
  const rows = db
    .prepare(
      `SELECT d.* FROM meeting_debriefs d JOIN meetings m ON m.id = d.meeting_id AND m.deleted_at IS NULL WHERE ${where.join(' AND ')}`,
    )
    .all(...args) as DebriefRow[];
  return outcomeMeasures(rows.map(answers));
}
