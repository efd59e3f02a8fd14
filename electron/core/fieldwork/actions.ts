import type { z } from 'zod';
import { todayIso } from '../../../shared/domain/dates';
import { actionInputSchema, type Action, type ActionOwner, type DueAction } from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import { keepCorrection, whoCorrects } from '../caseload/corrections';
import type { CoreContext } from '../ipc/handler-types';
import { caseOf, tableExists, type FieldCtx } from './context';

interface ActionRow {
  id: string;
  case_id: string;
  owner: string;
  owner_name: string;
  description: string;
  due_on: string;
  done_at: string | null;
  cancelled_at?: string | null;
  cancel_reason?: string | null;
  carried_reason?: string | null;
}

const toAction = (r: ActionRow): Action => ({
  id: r.id,
  caseId: r.case_id,
  owner: r.owner as ActionOwner,
  ownerName: r.owner_name,
  description: r.description,
  dueOn: r.due_on,
  doneAt: r.done_at,
  cancelledAt: r.cancelled_at ?? null,
  cancelReason: r.cancel_reason ?? null,
  carriedReason: r.carried_reason ?? null,
});

export function listActions(ctx: FieldCtx, caseId: string): Action[] {
  const rows = ctx
    .db()
    .prepare(
      'SELECT * FROM case_actions WHERE case_id = ? AND deleted_at IS NULL ORDER BY done_at IS NOT NULL, due_on, id',
    )
    .all(caseId) as ActionRow[];
  return rows.map(toAction);
}

/** A new action, or a correction of one: a correction keeps what it was, who changed it and why. */
export function saveAction(
  ctx: CoreContext,
  caseId: string,
  id: string | undefined,
  a: z.output<typeof actionInputSchema>,
  reason?: string,
): Action {
  const at = ctx.now().toISOString();
  const who = id ? whoCorrects(ctx) : null;
  return ctx.write((w, db) => {
    const before = id
      ? (db.prepare('SELECT * FROM case_actions WHERE id = ? AND deleted_at IS NULL').get(id) as
          Record<string, unknown> | undefined)
      : undefined;
    if (id && !before) caseOf(db, 'case_actions', id, 'action');
    if (before && before.case_id !== caseId)
      throw new AppError('forbidden', 'An action cannot be moved to another case. Add it to that case instead.');
    const actionId = id ?? uuidv7();
    w.upsert('case_action', actionId, caseId, {
      case_id: caseId,
      owner: a.owner,
      owner_name: a.ownerName,
      description: a.description,
      due_on: a.dueOn,
      created_at: id ? undefined : at,
      updated_at: at,
    });
    const after = db.prepare('SELECT * FROM case_actions WHERE id = ?').get(actionId) as ActionRow &
      Record<string, unknown>;
    if (before && who)
      keepCorrection(w, ctx, who, { entity: 'case_action', recordId: actionId, caseId, before, after, reason });
    return toAction(after);
  });
}

/** Deleting an action keeps what it said in the case's history. */
export function removeAction(ctx: CoreContext, id: string, reason?: string): { removed: boolean } {
  const who = whoCorrects(ctx);
  return ctx.write((w, db) => {
    const caseId = caseOf(db, 'case_actions', id, 'action');
    const before = db.prepare('SELECT * FROM case_actions WHERE id = ?').get(id) as Record<string, unknown>;
    w.remove('case_action', id, caseId);
    keepCorrection(w, ctx, who, { entity: 'case_action', recordId: id, caseId, before, after: null, reason });
    return { removed: true };
  });
}

export function setActionDone(ctx: FieldCtx, id: string, done: boolean): Action {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    const caseId = caseOf(db, 'case_actions', id, 'action');
    w.upsert('case_action', id, caseId, { done_at: done ? at : null, updated_at: at });
    return toAction(db.prepare('SELECT * FROM case_actions WHERE id = ?').get(id) as ActionRow);
  });
}

/**
 * Open actions that are overdue or due within `withinDays`, across every case, for the Today
 * screen. Cases that are deleted are left out, and so are closed ones unless the action was
 * carried past closure on purpose. Cancelled actions are not due.
 */
export function dueActions(ctx: FieldCtx, withinDays: number): DueAction[] {
  const db = ctx.db();
  const now = ctx.now();
  const today = todayIso(now);
  const horizon = todayIso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + withinDays));
  const withCases = tableExists(db, 'referrals') && tableExists(db, 'people');
  const sql = withCases
    ? `SELECT a.*, r.reference AS reference, coalesce(p.preferred_name, p.first_name) AS name
         FROM case_actions a
         LEFT JOIN referrals r ON r.id = a.case_id
         LEFT JOIN people p ON p.id = r.person_id
        WHERE a.done_at IS NULL AND a.cancelled_at IS NULL AND a.deleted_at IS NULL AND a.due_on <= ?
          AND (r.id IS NULL OR (r.deleted_at IS NULL AND (r.status <> 'closed' OR a.carried_reason IS NOT NULL)))
        ORDER BY a.due_on, a.id LIMIT 200`
    : `SELECT a.*, NULL AS reference, NULL AS name FROM case_actions a
        WHERE a.done_at IS NULL AND a.cancelled_at IS NULL AND a.deleted_at IS NULL AND a.due_on <= ? ORDER BY a.due_on, a.id LIMIT 200`;
  const rows = db.prepare(sql).all(horizon) as (ActionRow & { reference: string | null; name: string | null })[];
  return rows.map((r) => ({
    ...toAction(r),
    caseLabel: [r.name, r.reference].filter(Boolean).join(' · ') || 'Case',
    overdue: r.due_on < today,
  }));
}
