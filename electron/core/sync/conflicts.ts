import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import type { Writer } from '../db/mutations';
import { fromColumn, type FieldValue } from '../db/columns';

export interface LocalConflict {
  id: string;
  entity: string;
  entityId: string;
  caseId: string | null;
  field: string;
  reason: string;
  /** True when the edit that was not applied came from this computer. */
  mine: boolean;
  editValue: unknown;
  keptValue: unknown;
  editAuthor: string | null;
  keptAuthor: string | null;
  editHlc: string | null;
  keptHlc: string | null;
}

interface Row {
  id: string;
  entity: string;
  entity_id: string;
  case_id: string | null;
  field: string;
  reason: string;
  mine: number;
  edit_value: string;
  kept_value: string;
  edit_user: string | null;
  kept_user: string | null;
  edit_hlc: string | null;
  kept_hlc: string | null;
  resolved_at: string | null;
}

const toConflict = (r: Row): LocalConflict => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  caseId: r.case_id,
  field: r.field,
  reason: r.reason,
  mine: r.mine === 1,
  editValue: JSON.parse(r.edit_value) as unknown,
  keptValue: JSON.parse(r.kept_value) as unknown,
  editAuthor: r.edit_user,
  keptAuthor: r.kept_user,
  editHlc: r.edit_hlc,
  keptHlc: r.kept_hlc,
});

/** Conflicts waiting for a person: not yet resolved here or on another device. */
export function openConflicts(db: Db): LocalConflict[] {
  return (
    db
      .prepare('SELECT * FROM sync_conflicts WHERE resolution IS NULL AND resolved_at IS NULL ORDER BY seq')
      .all() as Row[]
  ).map(toConflict);
}

export function countOpenConflicts(db: Db): number {
  return db
    .prepare('SELECT count(*) FROM sync_conflicts WHERE resolution IS NULL AND resolved_at IS NULL')
    .pluck()
    .get() as number;
}

/**
 * Resolves a conflict: keep the service's value, take the edit that was not applied, or save a
 * merged text. The chosen value is written through the ordinary mutation path (so it syncs like
 * any edit) and the decision is sent so other devices stop showing the conflict.
 */
export function resolveConflict(
  db: Db,
  writer: Writer,
  registry: Record<string, EntitySpec>,
  id: string,
  choice: 'kept' | 'edit' | 'merged',
  merged?: string,
): void {
  const row = db.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as Row | undefined;
  if (!row || row.resolved_at) throw new AppError('not_found', 'That conflict has already been resolved.');
  const c = toConflict(row);
  if (choice === 'merged' && typeof merged !== 'string')
    throw new AppError('invalid_input', 'Write the merged text before saving.', { fields: { merged: 'Needed.' } });
  if (choice !== 'kept') {
    // The edit arrived as stored (sync carries columns); the Writer takes the app's value.
    const value = choice === 'merged' ? (merged ?? null) : fromColumn(registry[c.entity], c.field, c.editValue);
    // An edit that raced a delete brings the record back, all of it: the service may have purged
    // everything but the deletion, and half a record would come back. The undeletion goes first,
    // so the service takes the fields after it.
    if (c.reason === 'deleted')
      writer.upsert(
        c.entity,
        c.entityId,
        c.caseId,
        { deleted_at: null, ...wholeRecord(db, registry, c), [c.field]: value },
        true,
      );
    else writer.upsert(c.entity, c.entityId, c.caseId, { [c.field]: value });
  }
  db.prepare('UPDATE sync_conflicts SET resolution = ? WHERE id = ?').run(choice, id);
}

/** Every field this computer holds of the record in conflict, to send when bringing it back. */
function wholeRecord(
  db: Db,
  registry: Record<string, EntitySpec>,
  c: { entity: string; entityId: string },
): Record<string, FieldValue> {
  const spec = registry[c.entity];
  const row = spec
    ? (db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(c.entityId) as Record<string, unknown> | undefined)
    : undefined;
  if (!spec || !row) {
    throw new AppError(
      'conflict',
      'This record was deleted and has been removed from this computer, so it cannot be brought back from here. Choose to keep it deleted, or bring it back on the computer where the edit was made.',
    );
  }
  const out: Record<string, FieldValue> = {};
  for (const f of spec.fields) {
    const v = fromColumn(spec, f, row[f]);
    if (v !== null) out[f] = v;
  }
  return out;
}
