import {
  complaintTimeline,
  extensionProblem,
  type ComplaintOutcome,
  type ComplaintStage,
} from '../../../shared/domain/complaint-deadlines';
import { displayName } from '../../../shared/domain/caseload';
import { todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { Complaint, ComplaintLetter, OverdueComplaint, complaintFieldsSchema } from '../../../shared/ipc/letters';
import type { z } from 'zod';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import type { CoreContext } from '../ipc/handler-types';

interface ComplaintRow {
  id: string;
  case_id: string;
  stage: string;
  summary: string | null;
  council_reference: string | null;
  received_on: string;
  acknowledged_on: string | null;
  extended_to: number | null;
  extension_reason: string | null;
  response_received_on: string | null;
  outcome: string | null;
  panel_held_on: string | null;
  panel_report_on: string | null;
  escalated_from: string | null;
  created_at: string | null;
}

type LetterLink = ComplaintLetter & { complaint_id: string };

/** The letters written for each complaint stage, oldest first. */
function lettersByComplaint(db: Db, ids: string[]): Map<string, ComplaintLetter[]> {
  const out = new Map<string, ComplaintLetter[]>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT id, complaint_id, title, COALESCE(version, 1) AS version, sent_on AS sentOn, sent_method AS sentMethod
         FROM letters WHERE deleted_at IS NULL AND complaint_id IN (SELECT value FROM json_each(?))
        ORDER BY created_at, id`,
    )
    .all(JSON.stringify(ids)) as LetterLink[];
  for (const { complaint_id, ...letter } of rows) out.set(complaint_id, [...(out.get(complaint_id) ?? []), letter]);
  return out;
}

function toComplaint(r: ComplaintRow, today: string, letters: ComplaintLetter[] = []): Complaint {
  const stage = r.stage as ComplaintStage;
  const outcome = r.outcome as ComplaintOutcome | null;
  const timeline = complaintTimeline(
    {
      stage,
      received: r.received_on,
      extendedTo: r.extended_to,
      responseReceived: r.response_received_on,
      outcome,
      panelHeld: r.panel_held_on,
      panelReportReceived: r.panel_report_on,
    },
    today,
  );
  return {
    id: r.id,
    caseId: r.case_id,
    stage,
    summary: r.summary,
    councilReference: r.council_reference,
    receivedOn: r.received_on,
    acknowledgedOn: r.acknowledged_on,
    extendedTo: r.extended_to,
    extensionReason: r.extension_reason,
    responseReceivedOn: r.response_received_on,
    outcome,
    panelHeldOn: r.panel_held_on,
    panelReportOn: r.panel_report_on,
    escalatedFrom: r.escalated_from,
    createdAt: r.created_at,
    letters,
    ...timeline,
  };
}

function withLetters(db: Db, rows: ComplaintRow[], today: string): Complaint[] {
  const letters = lettersByComplaint(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toComplaint(r, today, letters.get(r.id) ?? []));
}

export function complaintsForCase(db: Db, caseId: string, today: string): Complaint[] {
  const rows = db
    .prepare(
      'SELECT * FROM complaints WHERE case_id = ? AND deleted_at IS NULL ORDER BY received_on DESC, created_at DESC',
    )
    .all(caseId) as ComplaintRow[];
  return withLetters(db, rows, today);
}

export function getComplaint(db: Db, id: string, today: string): Complaint {
  const row = db.prepare('SELECT * FROM complaints WHERE id = ? AND deleted_at IS NULL').get(id) as
    ComplaintRow | undefined;
  if (!row) throw new AppError('not_found', 'That complaint could not be found. It may have been deleted.');
  return withLetters(db, [row], today)[0] as Complaint;
}

/** The stages of a complaint up to and including this one, oldest first (following `escalated_from`). */
export function complaintChain(db: Db, complaint: Complaint, today: string): Complaint[] {
  const chain = [complaint];
  const seen = new Set([complaint.id]);
  let from = complaint.escalatedFrom;
  while (from && !seen.has(from) && chain.length < 10) {
    seen.add(from);
    const row = db.prepare('SELECT * FROM complaints WHERE id = ? AND deleted_at IS NULL').get(from) as
      ComplaintRow | undefined;
    if (!row) break;
    const c = withLetters(db, [row], today)[0] as Complaint;
    chain.unshift(c);
    from = c.escalatedFrom;
  }
  return chain;
}

/** Open complaints past a due date, across every case on this device, most overdue first. */
export function overdueComplaints(db: Db, today: string): OverdueComplaint[] {
  const rows = db
    .prepare(
      `SELECT c.*, r.reference AS case_reference, p.preferred_name, p.first_name, p.last_name
         FROM complaints c
         LEFT JOIN referrals r ON r.id = c.case_id AND r.deleted_at IS NULL
         LEFT JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
        WHERE c.deleted_at IS NULL AND c.outcome IS NULL`,
    )
    .all() as (ComplaintRow & {
    case_reference: string | null;
    preferred_name: string | null;
    first_name: string | null;
    last_name: string | null;
  })[];
  return rows
    .map((r) => ({
      ...toComplaint(r, today),
      caseLabel: r.case_reference
        ? {
            name: displayName({ preferredName: r.preferred_name, firstName: r.first_name, lastName: r.last_name }),
            reference: r.case_reference,
          }
        : null,
    }))
    .filter((c) => c.overdue)
    .sort((a, b) => (a.nextDue ?? '').localeCompare(b.nextDue ?? ''));
}

export type ComplaintFieldValues = z.output<typeof complaintFieldsSchema>;
type Fields = ComplaintFieldValues;

function check(f: Fields): void {
  const problem = extensionProblem(f.stage, f.extendedTo);
  if (problem) throw new AppError('invalid_input', problem, { fields: { extendedTo: problem } });
  if (f.extendedTo !== null && !f.extensionReason) {
    const msg = 'Say why the council extended the time limit.';
    throw new AppError('invalid_input', msg, { fields: { extensionReason: msg } });
  }
  const after = (field: keyof Fields, label: string): void => {
    const v = f[field];
    if (typeof v === 'string' && v < f.receivedOn) {
      const msg = `The ${label} cannot be before the date the council received the complaint.`;
      throw new AppError('invalid_input', msg, { fields: { [field]: msg } });
    }
  };
  after('acknowledgedOn', 'acknowledgement');
  after('responseReceivedOn', 'response');
  after('panelHeldOn', 'panel date');
  after('panelReportOn', "panel's report");
  if (f.stage !== 'stage3' && (f.panelHeldOn || f.panelReportOn)) {
    const msg = 'Panel dates belong to Stage 3 only.';
    throw new AppError('invalid_input', msg, { fields: { panelHeldOn: msg } });
  }
}

/** Writes a complaint stage through the sync path (inside the caller's transaction). */
export function writeComplaint(ctx: CoreContext, w: Writer, id: string, isNew: boolean, f: Fields): void {
  check(f);
  w.upsert('complaint', id, f.caseId, {
    case_id: f.caseId,
    stage: f.stage,
    summary: f.summary,
    council_reference: f.councilReference,
    received_on: f.receivedOn,
    acknowledged_on: f.acknowledgedOn,
    extended_to: f.extendedTo,
    extension_reason: f.extensionReason,
    response_received_on: f.responseReceivedOn,
    outcome: f.outcome,
    panel_held_on: f.panelHeldOn,
    panel_report_on: f.panelReportOn,
    escalated_from: f.escalatedFrom,
    created_at: isNew ? ctx.now().toISOString() : undefined,
  });
}

export function saveComplaint(ctx: CoreContext, f: Fields): Complaint {
  check(f);
  const db = ctx.db();
  const caseRow = db.prepare('SELECT id FROM referrals WHERE id = ? AND deleted_at IS NULL').get(f.caseId);
  if (!caseRow) throw new AppError('not_found', 'That case could not be found. It may have been closed and removed.');
  if (f.id) getComplaint(db, f.id, todayIso(ctx.now()));
  const id = f.id ?? uuidv7();
  ctx.write((w) => writeComplaint(ctx, w, id, !f.id, f));
  ctx.emit({ type: 'changed', entity: 'complaint' });
  return getComplaint(db, id, todayIso(ctx.now()));
}

export function removeComplaint(ctx: CoreContext, id: string): boolean {
  const row = ctx.db().prepare('SELECT case_id FROM complaints WHERE id = ? AND deleted_at IS NULL').get(id) as
    { case_id: string } | undefined;
  if (!row) return false;
  ctx.write((w) => w.remove('complaint', id, row.case_id));
  ctx.emit({ type: 'changed', entity: 'complaint' });
  return true;
}
