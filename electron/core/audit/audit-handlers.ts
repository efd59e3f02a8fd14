import { auditActionLabels, type auditMethods, type AuditActionName } from '../../../shared/ipc/audit';
import type { Db } from '../db/database';
import type { HandlersFor } from '../ipc/handler-types';
import { checkAuditChain, listAudit } from './audit-log';
import { describeEntry } from './describe-entry';
import { decodeDetail } from './entry-detail';

/** Case references (not names) for the cases in view, if the caseload tables exist yet. */
function referencesFor(db: Db, caseIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (caseIds.length === 0) return out;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'referrals'").get();
  if (!hasTable) return out;
  const get = db.prepare('SELECT reference FROM referrals WHERE id = ?').pluck();
  for (const id of new Set(caseIds)) {
    const ref = get.get(id) as string | undefined;
    if (ref) out.set(id, ref);
  }
  return out;
}

/** The advocates' names by id (staff, not children), for "who" in the trail. */
function peopleFor(db: Db, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'advocates'").get();
  if (!hasTable) return out;
  const get = db.prepare('SELECT name FROM advocates WHERE id = ?').pluck();
  for (const id of new Set(ids)) {
    const name = get.get(id) as string | undefined;
    if (name) out.set(id, name);
  }
  return out;
}

export const auditHandlers: HandlersFor<keyof typeof auditMethods> = {
  'audit.list': (input, ctx) => {
    const db = ctx.db();
    const rows = listAudit(db, { caseId: input.caseId, beforeSeq: input.beforeSeq, limit: input.limit });
    const refs = referencesFor(
      db,
      rows.flatMap((r) => (r.caseId ? [r.caseId] : [])),
    );
    const details = rows.map((r) => decodeDetail(r.detail));
    const people = peopleFor(
      db,
      details.flatMap((d) => (d.by ? [d.by] : [])),
    );
    return {
      entries: rows.map((r, i) => {
        const action = r.action as AuditActionName;
        const detail = details[i]!;
        return {
          seq: r.seq,
          at: r.at,
          deviceId: r.deviceId,
          action,
          method: r.method,
          caseId: r.caseId,
          caseReference: r.caseId ? (refs.get(r.caseId) ?? null) : null,
          person: detail.by ? (people.get(detail.by) ?? null) : null,
          description: describeEntry(action, r.method, detail, auditActionLabels[action]),
        };
      }),
    };
  },
  'audit.check': (_input, ctx) => {
    const report = checkAuditChain(ctx.db());
    return { entries: report.entries, intact: report.firstBreak === null, firstBreak: report.firstBreak };
  },
};
