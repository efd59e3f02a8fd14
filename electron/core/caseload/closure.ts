import {
  decisionsFor,
  type ClosureDecisionInput,
  type ClosureTold,
  type KeptDecision,
  type OpenWorkItem,
} from '../../../shared/domain/closure';
import type { ClosureOutcome, IssueOutcome } from '../../../shared/domain/codes';
import { stageLabels } from '../../../shared/domain/complaint-deadlines';
import { formatUkDate, todayIso } from '../../../shared/domain/dates';
import { uuidv7 } from '../../../shared/domain/ids';
import { meetingTypeLabels, type MeetingType } from '../../../shared/domain/meetings';
import type { Referral } from '../../../shared/domain/caseload';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import type { CoreContext } from '../ipc/handler-types';
import { complaintsForCase } from '../letters/complaints-service';
import { getReferralRow } from './referrals';
import { toReferral } from './rows';

/**
 * Closing a case: first the open work on it (safeguarding records still open, complaints not yet
 * answered, actions not done, letters not sent, meetings still to come), each of which must be
 * settled, carried past closure with a reason, or cancelled before the case will close.
 */

const has = (db: Db, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

export function openWork(db: Db, caseId: string, today: string): OpenWorkItem[] {
  const items: OpenWorkItem[] = [];
  const item = (i: Omit<OpenWorkItem, 'decisions'>): void =>
    void items.push({ ...i, decisions: [...decisionsFor[i.kind]] });
  if (has(db, 'safeguarding_records')) {
    const rows = db
      .prepare(
        "SELECT id, disclosed_at FROM safeguarding_records WHERE case_id = ? AND status = 'open' AND deleted_at IS NULL ORDER BY disclosed_at",
      )
      .all(caseId) as { id: string; disclosed_at: string }[];
    for (const r of rows)
      item({
        kind: 'safeguarding',
        id: r.id,
        title: `Safeguarding record of ${formatUkDate(r.disclosed_at)}, still open`,
        date: r.disclosed_at.slice(0, 10),
        overdue: false,
      });
  }
  if (has(db, 'complaints')) {
    for (const c of complaintsForCase(db, caseId, today).filter((x) => x.outcome === null)) {
      const due = c.nextDue ? `, next deadline ${formatUkDate(c.nextDue)}` : '';
      item({
        kind: 'complaint',
        id: c.id,
        title: `${stageLabels[c.stage]} complaint${c.summary ? `: ${c.summary}` : ''}${due}`,
        date: c.nextDue,
        overdue: c.overdue,
      });
    }
  }
  if (has(db, 'case_actions')) {
    const rows = db
      .prepare(
        'SELECT id, description, due_on FROM case_actions WHERE case_id = ? AND done_at IS NULL AND cancelled_at IS NULL AND deleted_at IS NULL ORDER BY due_on, id',
      )
      .all(caseId) as { id: string; description: string; due_on: string }[];
    for (const r of rows)
      item({ kind: 'action', id: r.id, title: r.description, date: r.due_on, overdue: r.due_on < today });
  }
  if (has(db, 'letters')) {
    const rows = db
      .prepare(
        'SELECT id, title FROM letters WHERE case_id = ? AND sent_on IS NULL AND deleted_at IS NULL ORDER BY created_at, id',
      )
      .all(caseId) as { id: string; title: string }[];
    for (const r of rows)
      item({
        kind: 'letter',
        id: r.id,
        title: `Letter not yet sent: ${r.title || 'untitled'}`,
        date: null,
        overdue: false,
      });
  }
  if (has(db, 'meetings')) {
    const rows = db
      .prepare(
        'SELECT id, meeting_type, type_other, meeting_date FROM meetings WHERE case_id = ? AND meeting_date >= ? AND deleted_at IS NULL ORDER BY meeting_date, id',
      )
      .all(caseId, today) as {
      id: string;
      meeting_type: string;
      type_other: string | null;
      meeting_date: string;
    }[];
    for (const r of rows) {
      const type =
        r.meeting_type === 'other' && r.type_other
          ? r.type_other
          : (meetingTypeLabels[r.meeting_type as MeetingType] ?? 'Meeting');
      item({
        kind: 'meeting',
        id: r.id,
        title: `${type} on ${formatUkDate(r.meeting_date)}`,
        date: r.meeting_date,
        overdue: false,
      });
    }
  }
  return items;
}

const TABLE: Record<OpenWorkItem['kind'], { entity: string; what: string }> = {
  safeguarding: { entity: 'safeguarding_record', what: 'safeguarding record' },
  complaint: { entity: 'complaint', what: 'complaint' },
  action: { entity: 'case_action', what: 'action' },
  letter: { entity: 'letter', what: 'letter' },
  meeting: { entity: 'meeting', what: 'meeting' },
};

function checkDecision(item: OpenWorkItem, d: ClosureDecisionInput): void {
  const what = TABLE[item.kind].what;
  if (!item.decisions.includes(d.decision)) {
    const why =
      item.kind === 'safeguarding'
        ? 'A safeguarding record cannot be cancelled: close it with what happened, or carry it with a reason.'
        : `That choice is not open for a ${what}.`;
    throw new AppError('invalid_input', why);
  }
  if (d.decision === 'carry' && !d.reason?.trim())
    throw new AppError('invalid_input', `Say why the ${what} “${item.title}” carries on after the case closes.`, {
      fields: { [`decision.${item.id}`]: 'Say why it carries on.' },
    });
  if (item.kind === 'safeguarding' && d.decision === 'settle' && !d.reason?.trim()) {
    throw new AppError('invalid_input', 'Say how the safeguarding concern was resolved before closing its record.', {
      fields: { [`decision.${item.id}`]: 'Say how it was resolved.' },
    });
  }
}

/** Carries out one decision in the closing transaction. */
function apply(w: Writer, ctx: CoreContext, caseId: string, item: OpenWorkItem, d: ClosureDecisionInput): void {
  const at = ctx.now().toISOString();
  const reason = d.reason?.trim() || null;
  if (d.decision === 'carry') {
    if (item.kind === 'action') w.upsert('case_action', item.id, caseId, { carried_reason: reason, updated_at: at });
    return;
  }
  switch (item.kind) {
    case 'safeguarding': {
      // Amend-only: closing the record is an amendment with its reason, like any other.
      w.upsert('safeguarding_record', item.id, caseId, { status: 'closed' });
      w.upsert('safeguarding_amendment', uuidv7(ctx.now().getTime()), caseId, {
        record_id: item.id,
        case_id: caseId,
        amended_at: at,
        reason: reason ?? '',
        changes: [{ field: 'status', before: 'open', after: 'closed' }],
      });
      return;
    }
    case 'complaint':
      w.upsert('complaint', item.id, caseId, { outcome: d.decision === 'settle' ? 'resolved' : 'withdrawn' });
      return;
    case 'action':
      w.upsert(
        'case_action',
        item.id,
        caseId,
        d.decision === 'settle'
          ? { done_at: at, updated_at: at }
          : { cancelled_at: at, cancel_reason: reason, updated_at: at },
      );
      return;
    case 'letter':
    case 'meeting':
      w.remove(TABLE[item.kind].entity, item.id, caseId);
      return;
  }
}

export interface CloseInput {
  caseId: string;
  closureDate: string;
  closureOutcome: ClosureOutcome;
  closureNote?: string | undefined;
  issueOutcomes: Array<{ issueId: string; outcome: IssueOutcome }>;
  decisions: ClosureDecisionInput[];
  told?: ClosureTold | undefined;
}

export function closeCase(ctx: CoreContext, input: CloseInput): Referral {
  const touched = new Set<string>();
  const closed = ctx.write((w, db) => {
    const r = getReferralRow(db, input.caseId);
    if (r.status === 'closed') throw new AppError('conflict', 'This case is already closed.');
    if (r.referral_date && input.closureDate < r.referral_date) {
      throw new AppError('invalid_input', 'The closure date cannot be before the referral date.', {
        fields: { closureDate: 'Before the referral date.' },
      });
    }
    // Work still open is judged now, inside the transaction: an item settled meanwhile on
    // another screen needs no decision, and one added meanwhile cannot slip through.
    const open = openWork(db, input.caseId, todayIso(ctx.now()));
    const undecided = open.filter((i) => !input.decisions.some((d) => d.kind === i.kind && d.id === i.id));
    if (undecided.length > 0) {
      throw new AppError(
        'invalid_input',
        `${undecided.length === 1 ? 'One piece of open work still needs' : `${undecided.length} pieces of open work still need`} a decision before the case can close: ${undecided.map((i) => i.title).join('; ')}.`,
        { fields: Object.fromEntries(undecided.map((i) => [`decision.${i.id}`, 'Settle, carry or cancel this.'])) },
      );
    }
    const kept: KeptDecision[] = [];
    for (const item of open) {
      const d = input.decisions.find((x) => x.kind === item.kind && x.id === item.id)!;
      checkDecision(item, d);
      apply(w, ctx, input.caseId, item, d);
      if (d.decision !== 'carry' || item.kind === 'action') touched.add(item.kind);
      kept.push({
        kind: item.kind,
        id: item.id,
        title: item.title,
        decision: d.decision,
        reason: d.reason?.trim() || null,
      });
    }
    const issues = db
      .prepare('SELECT id FROM referral_issues WHERE referral_id = ? AND deleted_at IS NULL')
      .pluck()
      .all(input.caseId) as string[];
    for (const { issueId, outcome } of input.issueOutcomes) {
      if (!issues.includes(issueId)) throw new AppError('not_found', 'One of the issues is not part of this case.');
      w.upsert('referral_issue', issueId, input.caseId, { outcome, status: 'resolved', closed_on: input.closureDate });
    }
    w.upsert('referral', input.caseId, input.caseId, {
      status: 'closed',
      closure_date: input.closureDate,
      closure_outcome: input.closureOutcome,
      closure_note: input.closureNote?.trim() || null,
      closure_checklist: kept,
      closure_told: input.told ?? null,
    });
    return toReferral(getReferralRow(db, input.caseId));
  });
  if (touched.has('meeting')) ctx.emit({ type: 'changed', entity: 'meeting' });
  if (touched.has('letter') || touched.has('complaint')) ctx.emit({ type: 'changed', entity: 'letter' });
  return closed;
}

export function reopenCase(ctx: CoreContext, caseId: string): Referral {
  return ctx.write((w, db) => {
    const r = getReferralRow(db, caseId);
    if (r.status !== 'closed') throw new AppError('conflict', 'This case is not closed.');
    w.upsert('referral', caseId, caseId, {
      status: r.allocated_to ? 'open' : 'awaiting_allocation',
      closure_date: null,
      closure_outcome: null,
    });
    return toReferral(getReferralRow(db, caseId));
  });
}
