import { todayIso } from '../../../shared/domain/dates';
import { defaultRetentionPolicy, retentionDueOn, type RetentionPolicy } from '../../../shared/domain/retention';
import { AppError } from '../../../shared/ipc/errors';
import { retentionPolicySchema, type RetentionDueRow } from '../../../shared/ipc/retention';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { CoreContext } from '../ipc/handler-types';
import { compactAfterErase, eraseCase } from './erase-case';

const POLICY_KEY = 'retention_policy';

/** The policy lives in the encrypted store: it says how long children's records are kept. */
export function getPolicy(db: Db): RetentionPolicy {
  const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(POLICY_KEY) as string | undefined;
  if (!raw) return { ...defaultRetentionPolicy };
  try {
    const parsed = retentionPolicySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : { ...defaultRetentionPolicy };
  } catch {
    return { ...defaultRetentionPolicy };
  }
}

export function setPolicy(db: Db, policy: RetentionPolicy): RetentionPolicy {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    POLICY_KEY,
    JSON.stringify(policy),
  );
  return policy;
}

const hasTable = (db: Db, name: string) =>
  Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

/** Closed cases whose retention period has ended, oldest due first. */
export function dueCases(db: Db, today: string): RetentionDueRow[] {
  if (!hasTable(db, 'referrals')) return [];
  const policy = getPolicy(db);
  const people = hasTable(db, 'people');
  const rows = db
    .prepare(
      `SELECT r.id, r.reference, r.closure_date AS closureDate, ${people ? 'p.date_of_birth' : 'NULL'} AS dateOfBirth
       FROM referrals r ${people ? 'LEFT JOIN people p ON p.id = r.person_id' : ''}
       WHERE r.status = 'closed' AND r.closure_date IS NOT NULL AND r.deleted_at IS NULL`,
    )
    .all() as { id: string; reference: string; closureDate: string; dateOfBirth: string | null }[];
  const due: RetentionDueRow[] = [];
  for (const r of rows) {
    const when = retentionDueOn(policy, r);
    if (when && when.dueOn <= today)
      due.push({
        caseId: r.id,
        reference: r.reference,
        closureDate: r.closureDate,
        dueOn: when.dueOn,
        ruleUsed: when.ruleUsed,
      });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
}

/** Only a manager may erase records once the device is enrolled with a service; a standalone install has one user. */
function mayErase(db: Db): boolean {
  if (!hasTable(db, 'sync_account')) return true;
  const role = db.prepare('SELECT role FROM sync_account LIMIT 1').pluck().get() as string | null | undefined;
  return role === undefined || role === null || /manager|admin/i.test(role);
}

/**
 * Checks a request to erase: a manager, the number typed matching, and every case due here.
 * Returns the cases, each once. Changes nothing.
 */
export function checkErasable(ctx: CoreContext, caseIds: string[], confirmCount: number): string[] {
  const db = ctx.db();
  if (!mayErase(db))
    throw new AppError('forbidden', 'Only a manager can delete records at the end of their retention period.');
  const unique = [...new Set(caseIds)];
  if (confirmCount !== unique.length) {
    throw new AppError(
      'invalid_input',
      `Type the number of cases to delete (${unique.length}) to confirm. Nothing was deleted.`,
      { fields: { confirmCount: 'Does not match.' } },
    );
  }
  const due = new Set(dueCases(db, todayIso(ctx.now())).map((r) => r.caseId));
  const notDue = unique.filter((id) => !due.has(id));
  if (notDue.length > 0) {
    throw new AppError(
      'conflict',
      `${notDue.length} of the chosen cases ${notDue.length === 1 ? 'is' : 'are'} not due for deletion under the retention policy. Nothing was deleted.`,
    );
  }
  return unique;
}

/** Erases checked cases from this computer, one audit entry each, then compacts the store. */
export function eraseHere(ctx: CoreContext, unique: string[]): { erased: number; rowsRemoved: number } {
  const db = ctx.db();
  let rowsRemoved = 0;
  db.transaction(() => {
    for (const caseId of unique) {
      const r = eraseCase(db, caseId);
      rowsRemoved += r.rowsRemoved;
      // The trail keeps that it happened and under which rule; the case id is an opaque number, not a person.
      appendAudit(db, ctx.deviceId(), ctx.now(), [
        { action: 'retention-deleted', method: 'retention.erase', caseId, detail: `${r.rowsRemoved} rows` },
      ]);
    }
  }).immediate();
  compactAfterErase(db);
  return { erased: unique.length, rowsRemoved };
}
