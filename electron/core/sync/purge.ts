import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';

/**
 * Removes a case that is no longer this user's: its records, their versions, parked fields and
 * conflicts. Records of entities this version does not know were only ever parked, so go with them.
 */
export function purgeCase(db: Db, registry: Record<string, EntitySpec>, caseId: string, rows = recordsOfCase(db, caseId)): void {
  const dropVersions = db.prepare('DELETE FROM field_versions WHERE entity = ? AND entity_id = ?');
  const dropParked = db.prepare('DELETE FROM sync_parked WHERE entity = ? AND entity_id = ?');
  for (const r of rows) {
    const spec = registry[r.entity];
    if (spec) db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(r.entity_id);
    dropVersions.run(r.entity, r.entity_id);
    dropParked.run(r.entity, r.entity_id);
  }
  db.prepare('DELETE FROM sync_parked WHERE case_id = ?').run(caseId);
  db.prepare('DELETE FROM sync_record_cases WHERE case_id = ?').run(caseId);
  db.prepare('DELETE FROM sync_conflicts WHERE case_id = ?').run(caseId);
  db.prepare('DELETE FROM sync_pending_purges WHERE case_id = ?').run(caseId);
}

/** The records this device knows belong to the case (taken before an erasure that removes the list itself). */
export function recordsOfCase(db: Db, caseId: string): { entity: string; entity_id: string }[] {
  return db.prepare('SELECT entity, entity_id FROM sync_record_cases WHERE case_id = ?').all(caseId) as { entity: string; entity_id: string }[];
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
