import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import type { IncomingChange, PullResponse } from '../../../shared/sync/protocol';
import { eraseCase, optimizeSearchIndexes } from '../retention/erase-case';
import { forgetTombstone, purgeCase, recordsOfCase } from './purge';
import { columnFromSync, type Column } from '../db/columns';

/** Meta key set when an erasure has left freed pages to clear; cleared once the store is compacted. */
export const COMPACT_DUE_KEY = 'compact_due';

export interface ApplyOutcome {
  applied: number;
  conflicts: number;
  purged: number;
  /** Cases erased here because the service erased them at the end of their retention period. */
  erased: string[];
  /** Deleted records removed here because the service purged them. */
  tombstones: number;
  /** This device's changes the service refused, with the reason code; the local value is kept. */
  refused: { entity: string; entityId: string; caseId: string | null; reason: string }[];
  entities: Set<string>;
}

/**
 * Applies one pulled page and moves the cursor in the same transaction, so a crash leaves either
 * both or neither. Rules: a field is written only when the incoming version is newer than the one
 * held; a field with this device's own edit still waiting keeps the local value (that edit will
 * apply or come back as a conflict); an acknowledgement removes the outbox row and, if nothing
 * else is waiting for that field, brings the field to the service's value. `onErased` runs inside
 * the page's transaction, so the audit entry for an erasure is written with it or not at all.
 */
export interface ApplyOptions {
  /** The core's clock, so tests and a device with a wrong clock record the same times as the rest of the core. */
  now(): Date;
  onErased?(caseId: string): void;
}

export function applyPage(db: Db, registry: Record<string, EntitySpec>, selfDevice: string, page: PullResponse, opts: ApplyOptions): ApplyOutcome {
  const out: ApplyOutcome = { applied: 0, conflicts: 0, purged: 0, erased: [], tombstones: 0, refused: [], entities: new Set() };
  const q = statements(db);
  const writer = new RowWriter(db, registry, q);
  const recorded = new Set<string>();
  let anyPending = true;
  db.transaction(() => {
    // With nothing waiting to be sent (as in a first catch-up) no field can be held back.
    anyPending = q.anyOutbox.get() !== undefined;
    for (const c of page.changes) {
      // Ours if this device sent it, or if it is still in our outbox: a change made here under an
      // earlier enrolment (a restored backup) is acknowledged under that enrolment's device.
      const own = c.mutationId !== null && c.kind !== 'resolved' && (c.deviceId === selfDevice || (anyPending && q.inOutbox.get(c.mutationId) !== undefined));
      if (own) {
        q.ack.run(c.mutationId);
        // A record made here belongs to its case even if the service never took it, so a purge finds it.
        // A refused record too, while it is still here: a case given a new id finds its records by it.
        if (c.caseId && c.entity && c.entityId && (c.kind !== 'refused' || stillHere(c.entity, c.entityId))) recordCase(c.entity, c.entityId, c.caseId);
        if (field(c)) releaseHeld(c.entity, c.entityId, c.field);
      }
      switch (c.kind) {
        case 'change':
          if (field(c) && setField(c, false)) out.applied++;
          break;
        case 'noop':
        case 'superseded':
          if (own && field(c)) setField(c, true);
          break;
        case 'conflict': {
          const k = c.conflict;
          if (!k || !field(c)) break;
          // This user does not hold the case now: a purge follows; nothing here to show or converge.
          if (own && k.kept.hidden) break;
          q.conflict.run(k.id, c.entity, c.entityId, c.caseId, c.field, k.reason, own ? 1 : 0, JSON.stringify(k.edit.value ?? null), k.edit.userId, k.edit.deviceId, k.edit.hlc, JSON.stringify(k.kept.value ?? null), k.kept.version, k.kept.userId, k.kept.deviceId, k.kept.hlc, c.seq);
          out.conflicts++;
          setField({ ...c, value: k.kept.value, version: k.kept.version }, own);
          break;
        }
        case 'refused':
          // Not applied, and the service says why and nothing more. What was typed stays here.
          if (own && c.entity && c.entityId) {
            if (c.field) releaseHeld(c.entity, c.entityId, c.field);
            out.refused.push({ entity: c.entity, entityId: c.entityId, caseId: c.caseId, reason: c.reason ?? 'not_held' });
          }
          break;
        case 'resolved':
          if (c.conflictId) q.resolved.run(opts.now().toISOString(), c.conflictId);
          break;
        case 'allocated':
          // Given back before a waiting purge ran: keep it.
          if (c.caseId) q.cancelPurge.run(c.caseId);
          break;
        case 'purge':
          if (c.caseId) {
            writer.flush();
            // The purge forgets which records belong to which case; a later snapshot must record them again.
            recorded.clear();
            if (q.outboxForCase.get(c.caseId)) q.deferPurge.run(c.caseId);
            else {
              purgeCase(db, registry, c.caseId);
              out.purged++;
            }
          }
          break;
        case 'erased':
          if (c.caseId) {
            writer.flush();
            recorded.clear();
            const records = recordsOfCase(db, c.caseId);
            // Every table that names the case, search indexes and waiting edits included; then
            // whatever sync alone knew belonged to it.
            const removed = eraseCase(db, c.caseId).rowsRemoved;
            // Everything else sync recorded for the case, except a young person the erasure kept
            // because another case still refers to them.
            const kept = (r: { entity: string; entity_id: string }) => {
              const spec = registry[r.entity];
              return spec?.table === 'people' && db.prepare('SELECT 1 FROM people WHERE id = ?').get(r.entity_id) !== undefined;
            };
            purgeCase(db, registry, c.caseId, records.filter((r) => !kept(r)));
            if (removed > 0 || records.length > 0) {
              out.erased.push(c.caseId);
              opts.onErased?.(c.caseId);
              db.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'").run(COMPACT_DUE_KEY);
            }
          }
          break;
        case 'purged':
          if (c.entity && c.entityId) {
            writer.flush();
            recorded.delete(`${c.entity}\u0000${c.entityId}`);
            if (forgetTombstone(db, registry, c.entity, c.entityId, c.version === null ? null : { value: c.value, version: c.version })) {
              out.tombstones++;
              out.entities.add(c.entity);
            }
          }
          break;
        default:
          // A kind from a newer service: skipped, the cursor still moves past it.
          break;
      }
    }
    writer.flush();
    // The search index keeps a removed note's words in its segments until they are merged.
    if (out.tombstones > 0) optimizeSearchIndexes(db);
    q.cursor.run(page.cursor, page.head ?? page.cursor);
  }).immediate();
  for (const e of writer.entities) out.entities.add(e);
  return out;

  /**
   * The service has no value for a field this device wrote and was refused: drop it here too, and
   * drop the record if the service has none of it and nothing of it is waiting to be sent.
   */
  function forgetField(entity: string, entityId: string, fieldName: string): void {
    if (anyPending && q.pending.get(entity, entityId, fieldName)) return;
    q.dropVersion.run(entity, entityId, fieldName);
    writer.clear(entity, entityId, fieldName);
    if (q.anyVersion.get(entity, entityId) === undefined && q.anyPendingForRecord.get(entity, entityId) === undefined) {
      writer.flush();
      const spec = registry[entity];
      if (spec) db.prepare(`DELETE FROM ${spec.table} WHERE id = ?`).run(entityId);
      q.dropRecordCase.run(entity, entityId);
    }
  }

  /** After this device's last waiting edit to a field is acknowledged, apply a value held back meanwhile. */
  function releaseHeld(entity: string, entityId: string, fieldName: string): void {
    if (q.pending.get(entity, entityId, fieldName)) return;
    const held = q.held.get(entity, entityId, fieldName) as { case_id: string | null; value: string; version: number } | undefined;
    if (!held) return;
    q.dropHeld.run(entity, entityId, fieldName);
    writer.set(entity, entityId, held.case_id, fieldName, JSON.parse(held.value) as unknown, held.version);
  }

  function stillHere(entity: string, entityId: string): boolean {
    const spec = registry[entity];
    return spec !== undefined && db.prepare(`SELECT 1 FROM ${spec.table} WHERE id = ?`).get(entityId) !== undefined;
  }

  function recordCase(entity: string, entityId: string, caseId: string): void {
    const k = `${entity}\u0000${entityId}`;
    if (recorded.has(k)) return;
    recorded.add(k);
    q.recordCase.run(entity, entityId, caseId);
  }

  function field(c: IncomingChange): c is IncomingChange & { entity: string; entityId: string; field: string; version: number } {
    return c.entity !== null && c.entityId !== null && c.field !== null && c.version !== null;
  }

  /** `converge`: an acknowledgement; take the service's value even at an equal version. */
  function setField(c: IncomingChange & { entity: string; entityId: string; field: string; version: number }, converge: boolean): boolean {
    // One statement both compares and records the version: it changes a row only when newer
    // (or, for an acknowledgement, at least as new) than the one held.
    if (c.version <= 0) {
      if (converge) forgetField(c.entity, c.entityId, c.field);
      return false;
    }
    if ((converge ? q.versionAtLeast : q.versionNewer).run(c.entity, c.entityId, c.field, c.version).changes === 0) return false;
    if (c.caseId) recordCase(c.entity, c.entityId, c.caseId);
    if (anyPending && q.pending.get(c.entity, c.entityId, c.field)) {
      // Newer than what this device has, but its own edit is still on the way: keep the service's
      // value aside and use it if that edit comes back older than this.
      q.park.run(c.entity, c.entityId, c.field, c.caseId, JSON.stringify(c.value ?? null), c.version, 'held');
      return false;
    }
    writer.set(c.entity, c.entityId, c.caseId, c.field, c.value ?? null, c.version);
    return true;
  }
}

type StatementName = 'ack' | 'versionNewer' | 'versionAtLeast' | 'pending' | 'inOutbox' | 'anyOutbox' | 'recordCase' | 'conflict' | 'resolved' | 'outboxForCase' | 'deferPurge' | 'cancelPurge' | 'held' | 'dropHeld' | 'dropVersion' | 'anyVersion' | 'anyPendingForRecord' | 'dropRecordCase' | 'cursor' | 'park' | 'parkedIncomplete' | 'dropIncomplete';
type Statements = Record<StatementName, Statement<unknown[]>>;

function statements(db: Db): Statements {
  return {
    ack: db.prepare('DELETE FROM outbox WHERE mutation_id = ?'),
    versionNewer: db.prepare(
      'INSERT INTO field_versions (entity, entity_id, field, version) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version WHERE excluded.version > field_versions.version',
    ),
    versionAtLeast: db.prepare(
      'INSERT INTO field_versions (entity, entity_id, field, version) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version WHERE excluded.version >= field_versions.version',
    ),
    pending: db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND field = ? LIMIT 1').pluck(),
    inOutbox: db.prepare('SELECT 1 FROM outbox WHERE mutation_id = ?').pluck(),
    anyOutbox: db.prepare('SELECT 1 FROM outbox LIMIT 1').pluck(),
    recordCase: db.prepare('INSERT INTO sync_record_cases (entity, entity_id, case_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET case_id = excluded.case_id'),
    conflict: db.prepare(
      `INSERT INTO sync_conflicts (id, entity, entity_id, case_id, field, reason, mine, edit_value, edit_user, edit_device, edit_hlc, kept_value, kept_version, kept_user, kept_device, kept_hlc, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    resolved: db.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?'),
    outboxForCase: db.prepare('SELECT 1 FROM outbox WHERE case_id = ? LIMIT 1').pluck(),
    deferPurge: db.prepare('INSERT INTO sync_pending_purges (case_id) VALUES (?) ON CONFLICT DO NOTHING'),
    cancelPurge: db.prepare('DELETE FROM sync_pending_purges WHERE case_id = ?'),
    held: db.prepare("SELECT case_id, value, version FROM sync_parked WHERE entity = ? AND entity_id = ? AND field = ? AND reason = 'held'"),
    dropHeld: db.prepare("DELETE FROM sync_parked WHERE entity = ? AND entity_id = ? AND field = ? AND reason = 'held'"),
    dropVersion: db.prepare('DELETE FROM field_versions WHERE entity = ? AND entity_id = ? AND field = ?'),
    anyVersion: db.prepare('SELECT 1 FROM field_versions WHERE entity = ? AND entity_id = ? LIMIT 1').pluck(),
    anyPendingForRecord: db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1').pluck(),
    dropRecordCase: db.prepare('DELETE FROM sync_record_cases WHERE entity = ? AND entity_id = ?'),
    cursor: db.prepare('UPDATE sync_account SET cursor = ?, head = ?'),
    park: db.prepare(
      `INSERT INTO sync_parked (entity, entity_id, field, case_id, value, version, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET value = excluded.value, version = excluded.version, reason = excluded.reason, case_id = excluded.case_id`,
    ),
    parkedIncomplete: db.prepare("SELECT field, value FROM sync_parked WHERE entity = ? AND entity_id = ? AND reason = 'incomplete'"),
    dropIncomplete: db.prepare("DELETE FROM sync_parked WHERE entity = ? AND entity_id = ? AND reason = 'incomplete'"),
  };
}


/**
 * Collects field writes per record and writes each record once (one UPDATE, or one INSERT for a
 * record new here): far fewer statements than one per field during a large catch-up.
 */
export class RowWriter {
  private readonly rows = new Map<string, { entity: string; id: string; fields: Map<string, Column> }>();
  private readonly prepared = new Map<string, Statement<unknown[]>>();
  readonly entities = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly registry: Record<string, EntitySpec>,
    private readonly q: Statements,
  ) {}

  set(entity: string, id: string, caseId: string | null, field: string, value: unknown, version: number): void {
    const spec = this.registry[entity];
    if (!spec || (field !== 'deleted_at' && !spec.fields.includes(field))) {
      this.q.park.run(entity, id, field, caseId, JSON.stringify(value), version, 'unknown');
      return;
    }
    const k = `${entity}\u0000${id}`;
    let row = this.rows.get(k);
    if (!row) this.rows.set(k, (row = { entity, id, fields: new Map() }));
    row.fields.set(field, columnFromSync(spec, field, value));
    void caseId;
  }

  /**
   * Empties a field of a record this device holds. Unlike `set`, never creates the record: a
   * field the service has no value for gives no reason to (e.g. an edit to an erased case).
   */
  clear(entity: string, id: string, field: string): void {
    const spec = this.registry[entity];
    const pending = this.rows.get(`${entity}\u0000${id}`);
    if (!spec || (field !== 'deleted_at' && !spec.fields.includes(field))) this.set(entity, id, null, field, null, 0);
    // A column the record cannot be without (a note's body) keeps its words: emptying it would fail
    // and stop every later sync. This happens when a late edit meets a purged record; the
    // conflict holds both sides for a person.
    else if (this.required(spec.table).has(field)) return;
    else if (pending) pending.fields.set(field, null);
    else if (this.prepare(`UPDATE ${spec.table} SET ${field} = NULL WHERE id = ?`).run(id).changes > 0) this.entities.add(entity);
  }

  flush(): void {
    for (const row of this.rows.values()) this.write(row.entity, row.id, row.fields);
    this.rows.clear();
  }

  private readonly notNull = new Map<string, Set<string>>();

  private required(table: string): Set<string> {
    let cols = this.notNull.get(table);
    if (!cols) this.notNull.set(table, (cols = new Set(this.db.prepare('SELECT name FROM pragma_table_info(?) WHERE "notnull" = 1').pluck().all(table) as string[])));
    return cols;
  }

  private prepare(sql: string): Statement<unknown[]> {
    let st = this.prepared.get(sql);
    if (!st) this.prepared.set(sql, (st = this.db.prepare<unknown[]>(sql)));
    return st;
  }

  private write(entity: string, id: string, fields: Map<string, Column>): void {
    const spec = this.registry[entity]!;
    this.entities.add(entity);
    const names = [...fields.keys()];
    const update = this.prepare(`UPDATE ${spec.table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`);
    if (update.run(...[...fields.values(), id]).changes > 0) return;
    // A record new to this device: bring in any fields parked while it was incomplete.
    const all = new Map<string, Column>();
    for (const p of this.q.parkedIncomplete.all(entity, id) as { field: string; value: string }[]) all.set(p.field, columnFromSync(spec, p.field, JSON.parse(p.value)));
    for (const [f, v] of fields) all.set(f, v);
    const cols = ['id', ...all.keys()];
    try {
      this.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...[id, ...all.values()]);
      this.q.dropIncomplete.run(entity, id);
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT'))) throw e;
      for (const [f, v] of fields) this.q.park.run(entity, id, f, null, JSON.stringify(v), 0, 'incomplete');
    }
  }
}
