import type { z } from 'zod';
import { todayIso } from '../../../shared/domain/dates';
import { actionInputSchema, type Action, type ActionOwner, type DueAction } from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import { caseOf, tableExists, type FieldCtx } from './context';

interface ActionRow {
  id: string;
  case_id: string;
  owner: string;
  owner_name: string;
  description: string;
  due_on: string;
  done_at: string | null;
}

const toAction = (r: ActionRow): Action => ({
  id: r.id,
  caseId: r.case_id,
  owner: r.owner as ActionOwner,
  ownerName: r.owner_name,
  description: r.description,
  dueOn: r.due_on,
  doneAt: r.done_at,
});

export function listActions(ctx: FieldCtx, caseId: string): Action[] {
  const rows = ctx
    .db()
    .prepare('SELECT * FROM case_actions WHERE case_id = ? AND deleted_at IS NULL ORDER BY done_at IS NOT NULL, due_on, id')
    .all(caseId) as ActionRow[];
  return rows.map(toAction);
}

export function saveAction(ctx: FieldCtx, caseId: string, id: string | undefined, a: z.output<typeof actionInputSchema>): Action {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    if (id) caseOf(db, 'case_actions', id, 'action');
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
    return toAction(db.prepare('SELECT * FROM case_actions WHERE id = ?').get(actionId) as ActionRow);
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
 * screen. Cases that are closed or deleted in the caseload are left out.
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
        WHERE a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_on <= ?
          AND (r.id IS NULL OR (r.deleted_at IS NULL AND r.status <> 'closed'))
        ORDER BY a.due_on, a.id LIMIT 200`
    : `SELECT a.*, NULL AS reference, NULL AS name FROM case_actions a
        WHERE a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_on <= ? ORDER BY a.due_on, a.id LIMIT 200`;
  const rows = db.prepare(sql).all(horizon) as (ActionRow & { reference: string | null; name: string | null })[];
  return rows.map((r) => ({
    ...toAction(r),
    caseLabel: [r.name, r.reference].filter(Boolean).join(' · ') || 'Case',
    overdue: r.due_on < today,
  }));
}
