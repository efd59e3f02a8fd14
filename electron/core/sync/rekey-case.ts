import { uuidv7 } from '../../../shared/domain/ids';
import { ORGANISATION_RECORD_KINDS } from '../../../shared/sync/protocol';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import { fromRow, type FieldValue, type Writer } from '../db/mutations';

/**
 * A case made on this computer whose id the service refused (the id was already known there:
 * taken by another device, or guessed ahead of us) gets a new id here, keeping its reference,
 * and everything of it is sent again under the new id. Nothing typed is lost:
 * 1. every local row that names the case (the case record's own id, any `case_id`,
 *    `referral_id` or sync `entity_id` column, unsaved drafts) is re-pointed to the new id;
 * 2. whatever of the case was waiting to be sent is dropped from the outbox and every record of
 *    the case (and any record its own record points at, such as its young person) that the
 *    service has never accepted is queued again in full, so the service receives it as the new
 *    case it is.
 * The audit trail is left alone: it records what happened under the old id.
 */
const NEVER = new Set(['audit_log', 'meta', 'drafts']);
const LINKS = new Set(['case_id', 'referral_id', 'entity_id']);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Runs inside the caller's transaction; `caseEntity` is the entity of the case's own record
 * (whose id is the case id). Returns the new id.
 */
export function rekeyCase(
  db: Db,
  registry: Record<string, EntitySpec>,
  writer: Writer,
  caseEntity: string,
  oldId: string,
): string {
  const newId = uuidv7();
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'",
      )
      .pluck()
      .all() as string[]
  ).filter((t) => !NEVER.has(t));
  const caseTable = registry[caseEntity]?.table;
  for (const t of tables) {
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
    if (t === caseTable) db.prepare(`UPDATE ${quote(t)} SET id = ? WHERE id = ?`).run(newId, oldId);
    for (const c of cols)
      if (LINKS.has(c)) db.prepare(`UPDATE ${quote(t)} SET ${quote(c)} = ? WHERE ${quote(c)} = ?`).run(newId, oldId);
  }
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'drafts'").get()) {
    db.prepare('UPDATE drafts SET key = replace(key, ?, ?) WHERE instr(key, ?) > 0').run(oldId, newId, oldId);
  }

  // The records of the case: those sync recorded for it or waiting to send under it, and any row that names it.
  const records = new Map<string, { entity: string; id: string }>();
  const add = (entity: string, id: string) => records.set(`${entity}\u0000${id}`, { entity, id });
  for (const r of db.prepare('SELECT entity, entity_id FROM sync_record_cases WHERE case_id = ?').all(newId) as {
    entity: string;
    entity_id: string;
  }[])
    add(r.entity, r.entity_id);
  for (const o of db.prepare('SELECT DISTINCT entity, entity_id FROM outbox WHERE case_id = ?').all(newId) as {
    entity: string;
    entity_id: string;
  }[])
    add(o.entity, o.entity_id);
  // Records the case's own record points at (its young person) that the service never took.
  const caseRow = caseTable
    ? (db.prepare(`SELECT * FROM ${quote(caseTable)} WHERE id = ?`).get(newId) as Record<string, unknown> | undefined)
    : undefined;
  for (const [column, value] of Object.entries(caseRow ?? {})) {
    if (!column.endsWith('_id') || typeof value !== 'string') continue;
    for (const [entity, spec] of Object.entries(registry)) {
      if (db.prepare(`SELECT 1 FROM ${quote(spec.table)} WHERE id = ?`).get(value)) add(entity, value);
    }
  }
  for (const [entity, spec] of Object.entries(registry)) {
    const cols = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(spec.table) as string[]);
    if (entity === caseEntity) add(entity, newId);
    for (const link of ['case_id', 'referral_id']) {
      if (!cols.has(link)) continue;
      for (const id of db
        .prepare(`SELECT id FROM ${quote(spec.table)} WHERE ${quote(link)} = ?`)
        .pluck()
        .all(newId) as string[])
        add(entity, id);
    }
  }

  db.prepare('DELETE FROM outbox WHERE case_id = ?').run(newId);
  const accepted = db.prepare('SELECT 1 FROM field_versions WHERE entity = ? AND entity_id = ? LIMIT 1').pluck();
  for (const { entity, id } of records.values()) {
    const spec = registry[entity];
    // A record the service already holds lives under another case; it stays there.
    if (!spec || accepted.get(entity, id)) continue;
    const row = db.prepare(`SELECT * FROM ${quote(spec.table)} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!row) continue;
    const values = fromRow<Record<string, FieldValue>>(spec, row);
    const fields: Record<string, FieldValue> = {};
    for (const f of [...spec.fields, 'deleted_at']) if (f in values && values[f] !== null) fields[f] = values[f]!;
    writer.upsert(entity, id, newId, fields, true);
  }
  db.prepare(
    'INSERT OR REPLACE INTO sync_record_cases (entity, entity_id, case_id) SELECT entity, entity_id, ? FROM outbox WHERE case_id = ? GROUP BY entity, entity_id',
  ).run(newId, newId);
  return newId;
}

/**
 * What to do with this device's refused changes from one pulled page. A case made here whose own
 * record was refused, and of which the service has accepted nothing, had an id the service
 * already knew: it gets a new id and is sent again whole. The rest are counted for the sync
 * status, while the record is still here (not erased with its case meanwhile); the
 * organisation's own records are a manager's to keep, and an advocate's laptop keeping its own
 * entries (its "Me" in the advocates list) needs no warning.
 */
export function settleRefusals(
  db: Db,
  registry: Record<string, EntitySpec>,
  writer: () => Writer,
  refused: readonly { entity: string; entityId: string; caseId: string | null; reason: string }[],
): { rekeyed: number; toTell: number } {
  const here = (entity: string, id: string) => {
    const spec = registry[entity];
    return spec !== undefined && db.prepare(`SELECT 1 FROM ${quote(spec.table)} WHERE id = ?`).get(id) !== undefined;
  };
  const accepted = db.prepare('SELECT 1 FROM field_versions WHERE entity = ? AND entity_id = ? LIMIT 1').pluck();
  const rekeyed = new Set<string>();
  for (const r of refused) {
    if (r.reason !== 'not_held' || r.caseId === null || r.entityId !== r.caseId || rekeyed.has(r.caseId)) continue;
    if (accepted.get(r.entity, r.entityId) || !here(r.entity, r.entityId)) continue;
    const caseId = r.caseId;
    db.transaction(() => rekeyCase(db, registry, writer(), r.entity, caseId)).immediate();
    rekeyed.add(caseId);
  }
  const toTell = refused.filter(
    (r) =>
      !rekeyed.has(r.caseId ?? '') &&
      !(r.reason === 'organisation_record' && ORGANISATION_RECORD_KINDS.includes(r.entity)) &&
      here(r.entity, r.entityId),
  ).length;
  return { rekeyed: rekeyed.size, toTell };
}
