import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';

/**
 * Fields parked because an older Heard did not know them are written once this version does,
 * unless the record has since been removed here.
 */
export function replayParked(db: Db, registry: Record<string, EntitySpec>): number {
  const rows = db.prepare("SELECT entity, entity_id, field, value FROM sync_parked WHERE reason = 'unknown'").all() as {
    entity: string;
    entity_id: string;
    field: string;
    value: string;
  }[];
  let n = 0;
  db.transaction(() => {
    for (const r of rows) {
      const spec = registry[r.entity];
      if (!spec || (r.field !== 'deleted_at' && !spec.fields.includes(r.field))) continue;
      const v = JSON.parse(r.value) as unknown;
      const col =
        v === null || typeof v === 'string' || typeof v === 'number'
          ? v
          : typeof v === 'boolean'
            ? Number(v)
            : JSON.stringify(v);
      db.prepare(`UPDATE ${spec.table} SET ${r.field} = ? WHERE id = ?`).run(col, r.entity_id);
      db.prepare('DELETE FROM sync_parked WHERE entity = ? AND entity_id = ? AND field = ?').run(
        r.entity,
        r.entity_id,
        r.field,
      );
      n++;
    }
  }).immediate();
  return n;
}
