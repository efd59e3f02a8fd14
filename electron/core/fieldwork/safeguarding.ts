import type { z } from 'zod';
import {
  safeguardingFields,
  safeguardingInputSchema,
  type Amendment,
  type PersonTold,
  type SafeguardingField,
  type SafeguardingFlagInfo,
  type SafeguardingRecord,
  type SafeguardingStatus,
} from '../../../shared/domain/fieldwork-safeguarding';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import { parseJsonArray, type FieldCtx } from './context';

/**
 * Safeguarding records are never deleted (there is no method for it, and a trigger refuses a
 * tombstone). A change is an amendment: the reason and every field's before and after are kept.
 */

interface RecordRow {
  id: string;
  case_id: string;
  disclosed_at: string;
  disclosure: string;
  decision: string;
  reason: string;
  told: string;
  outcome: string;
  status: string;
  recorded_at: string;
  amendment_count: number;
}

const COLUMN: Record<SafeguardingField, string> = {
  disclosedAt: 'disclosed_at',
  disclosure: 'disclosure',
  decision: 'decision',
  reason: 'reason',
  told: 'told',
  outcome: 'outcome',
  status: 'status',
};

const SELECT = `SELECT s.*, (SELECT count(*) FROM safeguarding_amendments a WHERE a.record_id = s.id) AS amendment_count FROM safeguarding_records s`;

const toRecord = (r: RecordRow): SafeguardingRecord => ({
  id: r.id,
  caseId: r.case_id,
  disclosedAt: r.disclosed_at,
  disclosure: r.disclosure,
  decision: r.decision,
  reason: r.reason,
  told: parseJsonArray<PersonTold>(r.told),
  outcome: r.outcome,
  status: r.status as SafeguardingStatus,
  recordedAt: r.recorded_at,
  amendmentCount: r.amendment_count,
});

function readRecord(db: Db, id: string): SafeguardingRecord {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as RecordRow | undefined;
  if (!row) throw new AppError('not_found', 'This safeguarding record could not be found on this computer.');
  return toRecord(row);
}

export function listSafeguarding(ctx: FieldCtx, caseId: string): SafeguardingRecord[] {
  const rows = ctx
    .db()
    .prepare(`${SELECT} WHERE s.case_id = ? ORDER BY s.disclosed_at DESC`)
    .all(caseId) as RecordRow[];
  return rows.map(toRecord);
}

export function createSafeguarding(
  ctx: FieldCtx,
  caseId: string,
  input: z.output<typeof safeguardingInputSchema>,
): SafeguardingRecord {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    const id = uuidv7();
    w.upsert('safeguarding_record', id, caseId, {
      case_id: caseId,
      disclosed_at: input.disclosedAt,
      disclosure: input.disclosure,
      decision: input.decision,
      reason: input.reason,
      told: input.told,
      outcome: input.outcome,
      status: input.status,
      recorded_at: at,
    });
    return readRecord(db, id);
  });
}

export type SafeguardingChanges = Partial<{
  disclosedAt: string;
  disclosure: string;
  decision: string;
  reason: string;
  told: PersonTold[];
  outcome: string;
  status: SafeguardingStatus;
}>;

export function amendSafeguarding(
  ctx: FieldCtx,
  id: string,
  reason: string,
  changes: SafeguardingChanges,
): SafeguardingRecord {
  if (!reason.trim())
    throw new AppError('invalid_input', 'Say why this record is being changed.', {
      fields: { reason: 'Say why this record is being changed.' },
    });
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    const before = readRecord(db, id);
    const changed = safeguardingFields
      .filter((f) => changes[f] !== undefined && JSON.stringify(changes[f]) !== JSON.stringify(before[f]))
      .map((f) => ({ field: f, before: before[f], after: changes[f] }));
    if (changed.length === 0)
      throw new AppError('invalid_input', 'Nothing in the record was changed, so there is nothing to amend.');
    const fields: Record<string, string | PersonTold[]> = {};
    for (const c of changed) fields[COLUMN[c.field]] = c.after as string | PersonTold[];
    w.upsert('safeguarding_record', id, before.caseId, fields);
    w.upsert('safeguarding_amendment', uuidv7(), before.caseId, {
      record_id: id,
      case_id: before.caseId,
      amended_at: at,
      reason: reason.trim(),
      changes: changed,
    });
    return readRecord(db, id);
  });
}

export function safeguardingHistory(ctx: FieldCtx, id: string): Amendment[] {
  const rows = ctx
    .db()
    .prepare(
      'SELECT id, amended_at, reason, changes FROM safeguarding_amendments WHERE record_id = ? ORDER BY amended_at, id',
    )
    .all(id) as { id: string; amended_at: string; reason: string; changes: string }[];
  return rows.map((r) => ({
    id: r.id,
    amendedAt: r.amended_at,
    reason: r.reason,
    changes: parseJsonArray<Amendment['changes'][number]>(r.changes),
  }));
}

export function safeguardingFlags(ctx: FieldCtx, caseIds: readonly string[]): SafeguardingFlagInfo[] {
  const db = ctx.db();
  const base = `SELECT case_id AS caseId, count(*) AS records, sum(status = 'open') AS open, max(disclosed_at) AS latestDisclosedAt
                  FROM safeguarding_records`;
  if (caseIds.length === 0) return db.prepare(`${base} GROUP BY case_id`).all() as SafeguardingFlagInfo[];
  const found = db
    .prepare(`${base} WHERE case_id IN (SELECT value FROM json_each(?)) GROUP BY case_id`)
    .all(JSON.stringify(caseIds)) as SafeguardingFlagInfo[];
  return found;
}
