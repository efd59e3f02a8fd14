import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { addDays } from '../../../shared/domain/meetings-calendar';
import { meetingSortKey } from '../../../shared/domain/meetings';
import { AppError } from '../../../shared/ipc/errors';
import type { Meeting, NextMeeting } from '../../../shared/ipc/meetings';
import type { ParsedInput } from '../../../shared/ipc/contract';
import { getCaseSummary } from '../caseload/case-summary';
import { keepCorrection, whoCorrects } from '../caseload/corrections';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';
import { parseJson, type MeetingRow } from './rows';

type CaseLabel = Meeting['caseLabel'];

/** Case labels are looked up once per call: a month of meetings often shares a few cases. */
function labeller(db: Db): (caseId: string) => CaseLabel {
  const cache = new Map<string, CaseLabel>();
  return (caseId) => {
    if (!cache.has(caseId)) {
      const s = getCaseSummary(db, caseId);
      cache.set(caseId, s ? { name: s.person.preferredName, reference: s.reference } : null);
    }
    return cache.get(caseId) ?? null;
  };
}

function toMeetings(db: Db, rows: MeetingRow[]): Meeting[] {
  const label = labeller(db);
  const statements = db
    .prepare('SELECT COUNT(*) FROM meeting_statements WHERE meeting_id = ? AND deleted_at IS NULL')
    .pluck();
  const debriefed = db.prepare('SELECT COUNT(*) FROM meeting_debriefs WHERE id = ? AND deleted_at IS NULL').pluck();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    type: r.meeting_type,
    typeOther: r.type_other,
    date: r.meeting_date,
    time: r.start_time,
    place: r.place,
    chair: r.chair,
    invitees: parseJson<string[]>(r.invitees, []),
    notes: r.notes,
    createdAt: r.created_at,
    caseLabel: label(r.case_id),
    statementCount: statements.get(r.id) as number,
    debriefed: (debriefed.get(r.id) as number) > 0,
  }));
}

const ORDER = 'ORDER BY meeting_date, start_time IS NOT NULL, start_time, id';

export function meetingRow(db: Db, id: string): MeetingRow {
  const row = db.prepare('SELECT * FROM meetings WHERE id = ? AND deleted_at IS NULL').get(id) as
    MeetingRow | undefined;
  if (!row) throw new AppError('not_found', 'That meeting could not be found. It may have been deleted.');
  return row;
}

export function getMeeting(db: Db, id: string): Meeting {
  return toMeetings(db, [meetingRow(db, id)])[0]!;
}

export function saveMeeting(ctx: CoreContext, input: ParsedInput<'meetings.save'>): Meeting {
  const db = ctx.db();
  if (!getCaseSummary(db, input.caseId))
    throw new AppError('not_found', 'That case could not be found. It may have been deleted.');
  let before: MeetingRow | null = null;
  if (input.id) {
    before = meetingRow(db, input.id);
    if (before.case_id !== input.caseId)
      throw new AppError('forbidden', 'A meeting cannot be moved to another case. Add it to that case instead.');
  }
  const who = before ? whoCorrects(ctx) : null;
  const id = input.id ?? uuidv7();
  ctx.write((w, wdb) => {
    w.upsert('meeting', id, input.caseId, {
      case_id: input.caseId,
      meeting_type: input.type,
      type_other: input.type === 'other' ? input.typeOther : null,
      meeting_date: input.date,
      start_time: input.time,
      place: input.place,
      chair: input.chair,
      invitees: input.invitees,
      notes: input.notes,
      created_at: input.id ? undefined : ctx.now().toISOString(),
    });
    if (before && who) {
      const after = meetingRow(wdb, id);
      keepCorrection(w, ctx, who, {
        entity: 'meeting',
        recordId: id,
        caseId: input.caseId,
        before: { ...before },
        after: { ...after },
        reason: input.reason,
      });
    }
  });
  ctx.emit({ type: 'changed', entity: 'meeting' });
  return getMeeting(db, id);
}

export function removeMeeting(ctx: CoreContext, id: string, reason?: string): boolean {
  const row = ctx.db().prepare('SELECT * FROM meetings WHERE id = ? AND deleted_at IS NULL').get(id) as
    MeetingRow | undefined;
  if (!row) return false;
  const who = whoCorrects(ctx);
  ctx.write((w) => {
    w.remove('meeting', id, row.case_id);
    keepCorrection(w, ctx, who, {
      entity: 'meeting',
      recordId: id,
      caseId: row.case_id,
      before: { ...row },
      after: null,
      reason,
    });
  });
  ctx.emit({ type: 'changed', entity: 'meeting' });
  return true;
}

export function listMeetings(db: Db, from: string, to: string): Meeting[] {
  const rows = db
    .prepare(`SELECT * FROM meetings WHERE deleted_at IS NULL AND meeting_date BETWEEN ? AND ? ${ORDER}`)
    .all(from, to) as MeetingRow[];
  return toMeetings(db, rows);
}

export function upcomingMeetings(db: Db, now: Date, days: number): Meeting[] {
  const today = todayIso(now);
  return listMeetings(db, today, addDays(today, days));
}

export function meetingsForCase(db: Db, caseId: string): Meeting[] {
  const rows = db
    .prepare(`SELECT * FROM meetings WHERE deleted_at IS NULL AND case_id = ? ${ORDER}`)
    .all(caseId) as MeetingRow[];
  return toMeetings(db, rows);
}

/**
 * Each case's next meeting from today, for the caseload list. Exported for other features' core
 * code as well as through `meetings.nextByCase`.
 */
export function nextMeetingByCase(db: Db, now: Date = new Date()): Map<string, NextMeeting> {
  const rows = db
    .prepare(
      `SELECT id, case_id, meeting_type, meeting_date, start_time FROM meetings WHERE deleted_at IS NULL AND meeting_date >= ? ${ORDER}`,
    )
    .all(todayIso(now)) as Pick<MeetingRow, 'id' | 'case_id' | 'meeting_type' | 'meeting_date' | 'start_time'>[];
  const next = new Map<string, NextMeeting>();
  for (const r of rows) {
    const candidate: NextMeeting = {
      caseId: r.case_id,
      meetingId: r.id,
      type: r.meeting_type,
      date: r.meeting_date,
      time: r.start_time,
    };
    const held = next.get(r.case_id);
    if (!held || meetingSortKey(candidate.date, candidate.time) < meetingSortKey(held.date, held.time))
      next.set(r.case_id, candidate);
  }
  return next;
}
