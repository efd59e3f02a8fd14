import type { auditMethods, AuditActionName } from '../../../shared/ipc/audit';
import type { Db } from '../db/database';
import type { HandlersFor } from '../ipc/handler-types';
import { checkAuditChain, listAudit } from './audit-log';

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

export const auditHandlers: HandlersFor<keyof typeof auditMethods> = {
  'audit.list': (input, ctx) => {
    const db = ctx.db();
    const rows = listAudit(db, { caseId: input.caseId, beforeSeq: input.beforeSeq, limit: input.limit });
    const refs = referencesFor(db, rows.flatMap((r) => (r.caseId ? [r.caseId] : [])));
    return {
      entries: rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        deviceId: r.deviceId,
        action: r.action as AuditActionName,
        method: r.method,
        caseId: r.caseId,
        caseReference: r.caseId ? (refs.get(r.caseId) ?? null) : null,
        detail: r.detail,
      })),
    };
  },
  'audit.check': (_input, ctx) => {
    const report = checkAuditChain(ctx.db());
    return { entries: report.entries, intact: report.firstBreak === null, firstBreak: report.firstBreak };
  },
};
