import {
  correctedEntities,
  type CorrectedEntity,
  type Correction,
  type FieldChange,
  type StoredValue,
} from '../../../shared/domain/corrections';
import { uuidv7 } from '../../../shared/domain/ids';
import { noteCorrection } from '../audit/change-collector';
import type { Db } from '../db/database';
import type { Writer } from '../db/mutations';
import { entityRegistry } from '../db/entity-registry';
import type { CoreContext } from '../ipc/handler-types';
import { currentAdvocate } from './advocates';

/** Who is correcting: found before the write transaction (finding them may create them). */
export interface Corrector {
  id: string;
  name: string;
}

export function whoCorrects(ctx: CoreContext): Corrector {
  const { advocate } = currentAdvocate(ctx);
  return { id: advocate.id, name: advocate.name };
}

type Row = Record<string, unknown>;

/** Columns that are bookkeeping, not details a person entered: never listed as corrected. */
const BOOKKEEPING = new Set(['id', 'created_at', 'updated_at', 'deleted_at', 'case_id', 'referral_id']);

function stored(entity: CorrectedEntity, field: string, raw: unknown): StoredValue {
  if (raw === undefined || raw === null) return null;
  if (entityRegistry[entity]?.jsonFields?.includes(field) && typeof raw === 'string') {
    try {
      return JSON.parse(raw) as StoredValue;
    } catch {
      return raw;
    }
  }
  return raw as StoredValue;
}

export interface CorrectionInput {
  entity: CorrectedEntity;
  recordId: string;
  caseId: string;
  /** The row before the change, as stored. */
  before: Row;
  /** The row after the change, as stored; null when the record was removed. */
  after: Row | null;
  reason?: string | null | undefined;
}

/**
 * Keeps a correction as a new synced row, and marks the call as a correction so that its one audit
 * entry says "corrected" with the fields changed (names only: the trail never holds a record's
 * contents). Nothing is kept when nothing changed. Call inside the same write transaction as the
 * change itself, so the two cannot part.
 */
export function keepCorrection(w: Writer, ctx: CoreContext, who: Corrector, c: CorrectionInput): FieldChange[] {
  const fields = (entityRegistry[c.entity]?.fields ?? []).filter((f) => !BOOKKEEPING.has(f));
  const changes: FieldChange[] = [];
  if (c.after === null) {
    // A removal keeps what the record said, so the history still shows what went.
    for (const f of fields) {
      const before = stored(c.entity, f, c.before[f]);
      if (before !== null && before !== '') changes.push({ field: f, before, after: null });
    }
  } else {
    for (const f of fields) {
      if (c.before[f] !== c.after[f])
        changes.push({ field: f, before: stored(c.entity, f, c.before[f]), after: stored(c.entity, f, c.after[f]) });
    }
    if (changes.length === 0) return changes;
  }
  const at = ctx.now().toISOString();
  w.upsert('correction', uuidv7(ctx.now().getTime()), c.caseId, {
    case_id: c.caseId,
    entity: c.entity,
    record_id: c.recordId,
    kind: c.after === null ? 'removed' : 'changed',
    corrected_at: at,
    corrected_by: who.id,
    corrected_by_name: who.name,
    reason: c.reason?.trim() || null,
    changes,
  });
  noteCorrection(Boolean(c.reason?.trim()));
  return changes;
}

interface CorrectionRow {
  id: string;
  case_id: string;
  entity: string;
  record_id: string;
  kind: string;
  corrected_at: string;
  corrected_by: string | null;
  corrected_by_name: string | null;
  reason: string | null;
  changes: string;
}

/**
 * A case's history of corrections, newest first: its own records', and its young person's
 * (a person's details may have been corrected while working on another of their cases).
 */
export function caseHistory(db: Db, caseId: string): Correction[] {
  const rows = db
    .prepare(
      `SELECT c.* FROM corrections c
        WHERE c.deleted_at IS NULL
          AND (c.case_id = ? OR (c.entity = 'person' AND c.record_id = (SELECT person_id FROM referrals WHERE id = ?)))
        ORDER BY c.corrected_at DESC, c.rowid DESC`,
    )
    .all(caseId, caseId) as CorrectionRow[];
  return rows.flatMap((r) => {
    if (!(correctedEntities as readonly string[]).includes(r.entity)) return [];
    let changes: FieldChange[] = [];
    try {
      changes = JSON.parse(r.changes) as FieldChange[];
    } catch {
      changes = [];
    }
    return [
      {
        id: r.id,
        caseId: r.case_id,
        entity: r.entity as CorrectedEntity,
        recordId: r.record_id,
        kind: r.kind === 'removed' ? ('removed' as const) : ('changed' as const),
        correctedAt: r.corrected_at,
        correctedBy: r.corrected_by,
        correctedByName: r.corrected_by_name,
        reason: r.reason,
        changes,
      },
    ];
  });
}
