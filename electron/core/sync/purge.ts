import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import { forgetSearchEntries, optimizeSearchIndexes } from '../retention/erase-case';

/**
 * Removes a case that is no longer this user's: its records, their versions, parked fields and
 * conflicts. Records of entities this version does not know were only ever parked, so go with them.
 */
export function purgeCase(
  db: Db,
  registry: Record<string, EntitySpec>,
  caseId: string,
  rows = recordsOfCase(db, caseId),
): void {
  for (const r of rows) removeRecord(db, registry, r.entity, r.entity_id);
  db.prepare('DELETE FROM sync_parked WHERE case_id = ?').run(caseId);
  db.prepare('DELETE FROM sync_record_cases WHERE case_id = ?').run(caseId);
  db.prepare('DELETE FROM sync_conflicts WHERE case_id = ?').run(caseId);
  db.prepare('DELETE FROM sync_pending_purges WHERE case_id = ?').run(caseId);
}

/** The records this device knows belong to the case (taken before an erasure that removes the list itself). */
export function recordsOfCase(db: Db, caseId: string): { entity: string; entity_id: string }[] {
  return db.prepare('SELECT entity, entity_id FROM sync_record_cases WHERE case_id = ?').all(caseId) as {
    entity: string;
    entity_id: string;
  }[];
}

/** A purge of the case is waiting for this device's own edits to be acknowledged. */
export function purgeWaiting(db: Db, caseId: string): boolean {
  return db.prepare('SELECT 1 FROM sync_pending_purges WHERE case_id = ?').get(caseId) !== undefined;
}

/**
 * The case came back to this user before a purge waiting for this device's edits ran. What this
 * laptop kept of it may hold records the service never took (edits refused while the case was
 * someone else's, kept on the service as conflicts for its holder): drop every record with nothing
 * waiting to be sent, so the case's snapshot, which follows the allocation, makes it the service's
 * again. Records with an edit still on the way stay; that edit is pushed to a case the user holds.
 */
export function takeCaseBack(db: Db, registry: Record<string, EntitySpec>, caseId: string): void {
  if (!purgeWaiting(db, caseId)) return;
  const waiting = db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1').pluck();
  const settled = recordsOfCase(db, caseId).filter((r) => !waiting.get(r.entity, r.entity_id));
  for (const r of settled) {
    removeRecord(db, registry, r.entity, r.entity_id);
    db.prepare('DELETE FROM sync_record_cases WHERE entity = ? AND entity_id = ?').run(r.entity, r.entity_id);
  }
  db.prepare('DELETE FROM sync_pending_purges WHERE case_id = ?').run(caseId);
}

/** Purges that waited for this device's own edits to be acknowledged. */
export function runDeferredPurges(db: Db, registry: Record<string, EntitySpec>): number {
  let n = 0;
  db.transaction(() => {
    const waiting = db.prepare('SELECT case_id FROM sync_pending_purges').pluck().all() as string[];
    const busy = db.prepare('SELECT 1 FROM outbox WHERE case_id = ? LIMIT 1').pluck();
    for (const caseId of waiting) {
      if (busy.get(caseId)) continue;
      purgeCase(db, registry, caseId);
      n++;
    }
  }).immediate();
  return n;
}

/** A record's row, its field versions and anything parked for it. True if a row was removed. */
function removeRecord(db: Db, registry: Record<string, EntitySpec>, entity: string, id: string): boolean {
  const spec = registry[entity];
  const removed = spec ? db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(id).changes > 0 : false;
  db.prepare('DELETE FROM field_versions WHERE entity = ? AND entity_id = ?').run(entity, id);
  const parked = db.prepare('DELETE FROM sync_parked WHERE entity = ? AND entity_id = ?').run(entity, id).changes > 0;
  return removed || parked;
}

/**
 * The service purged a deleted record once every device had applied the deletion: remove what
 * is left of it here, search entries included. While this device still has an edit to it on the
 * way, or a person has a conflict about it to decide, it is only deleted here (hidden, words
 * kept) and remembered; `runDeferredTombstones` removes it once both are settled.
 * Returns true when something was removed now.
 */
export function forgetTombstone(
  db: Db,
  registry: Record<string, EntitySpec>,
  entity: string,
  id: string,
  deletion: { value: unknown; version: number } | null,
): boolean {
  const spec = registry[entity];
  if (unsettled(db, entity, id)) {
    // Take the service's deletion (a laptop that was away never received it), unless this
    // computer's own change to it is on the way.
    const undeleting = db
      .prepare("SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND field = 'deleted_at' LIMIT 1")
      .get(entity, id);
    if (spec && deletion && typeof deletion.value === 'string' && !undeleting) {
      const newer = db
        .prepare(
          "INSERT INTO field_versions (entity, entity_id, field, version) VALUES (?, ?, 'deleted_at', ?) ON CONFLICT DO UPDATE SET version = excluded.version WHERE excluded.version > field_versions.version",
        )
        .run(entity, id, deletion.version).changes;
      if (newer) db.prepare(`UPDATE ${spec.table} SET deleted_at = ? WHERE id = ?`).run(deletion.value, id);
    }
    db.prepare('INSERT INTO sync_pending_tombstones (entity, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
      entity,
      id,
    );
    return false;
  }
  const removed = removeRecord(db, registry, entity, id);
  db.prepare('DELETE FROM sync_record_cases WHERE entity = ? AND entity_id = ?').run(entity, id);
  db.prepare('DELETE FROM sync_conflicts WHERE entity = ? AND entity_id = ?').run(entity, id);
  db.prepare('DELETE FROM sync_pending_tombstones WHERE entity = ? AND entity_id = ?').run(entity, id);
  if (removed) forgetSearchEntries(db, [id]);
  return removed;
}

function unsettled(db: Db, entity: string, id: string): boolean {
  return (
    db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1').get(entity, id) !== undefined ||
    // A conflict counts until the service has confirmed its resolution: one decided here but not
    // yet sent must not be dropped with the record.
    db
      .prepare('SELECT 1 FROM sync_conflicts WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL LIMIT 1')
      .get(entity, id) !== undefined
  );
}

/**
 * Purged records kept while an edit or a conflict was open: removed once settled, unless the
 * person brought the record back (its undeletion acknowledged, it is alive here and on the service).
 */
export function runDeferredTombstones(db: Db, registry: Record<string, EntitySpec>): number {
  let n = 0;
  db.transaction(() => {
    const waiting = db.prepare('SELECT entity, entity_id FROM sync_pending_tombstones').all() as {
      entity: string;
      entity_id: string;
    }[];
    for (const { entity, entity_id: id } of waiting) {
      if (unsettled(db, entity, id)) continue;
      const spec = registry[entity];
      const alive = spec
        ? db.prepare(`SELECT 1 FROM ${spec.table} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined
        : false;
      if (alive) db.prepare('DELETE FROM sync_pending_tombstones WHERE entity = ? AND entity_id = ?').run(entity, id);
      else if (forgetTombstone(db, registry, entity, id, null)) n++;
    }
    if (n > 0) optimizeSearchIndexes(db);
  }).immediate();
  return n;
}
