import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import { columnFromSync, type Column } from '../db/columns';

/** The prepared statements one page's application uses, prepared once a page. */
type StatementName =
  | 'ack'
  | 'sentValue'
  | 'versionNewer'
  | 'versionAtLeast'
  | 'pending'
  | 'inOutbox'
  | 'anyOutbox'
  | 'recordCase'
  | 'conflict'
  | 'resolved'
  | 'outboxForCase'
  | 'deferPurge'
  | 'held'
  | 'dropHeld'
  | 'dropVersion'
  | 'anyVersion'
  | 'anyPendingForRecord'
  | 'dropRecordCase'
  | 'cursor'
  | 'park'
  | 'parkedIncomplete'
  | 'dropIncomplete';
export type Statements = Record<StatementName, Statement<unknown[]>>;

export function statements(db: Db): Statements {
  return {
    ack: db.prepare('DELETE FROM outbox WHERE mutation_id = ?'),
    sentValue: db.prepare('SELECT value FROM outbox WHERE mutation_id = ?').pluck(),
    versionNewer: db.prepare(
      'INSERT INTO field_versions (entity, entity_id, field, version) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version WHERE excluded.version > field_versions.version',
    ),
    versionAtLeast: db.prepare(
      'INSERT INTO field_versions (entity, entity_id, field, version) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version WHERE excluded.version >= field_versions.version',
    ),
    pending: db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND field = ? LIMIT 1').pluck(),
    inOutbox: db.prepare('SELECT 1 FROM outbox WHERE mutation_id = ?').pluck(),
    anyOutbox: db.prepare('SELECT 1 FROM outbox LIMIT 1').pluck(),
    recordCase: db.prepare(
      'INSERT INTO sync_record_cases (entity, entity_id, case_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET case_id = excluded.case_id',
    ),
    conflict: db.prepare(
      `INSERT INTO sync_conflicts (id, entity, entity_id, case_id, field, reason, mine, edit_value, edit_user, edit_device, edit_hlc, kept_value, kept_version, kept_user, kept_device, kept_hlc, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    resolved: db.prepare('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?'),
    outboxForCase: db.prepare('SELECT 1 FROM outbox WHERE case_id = ? LIMIT 1').pluck(),
    deferPurge: db.prepare('INSERT INTO sync_pending_purges (case_id) VALUES (?) ON CONFLICT DO NOTHING'),
    held: db.prepare(
      "SELECT case_id, value, version FROM sync_parked WHERE entity = ? AND entity_id = ? AND field = ? AND reason = 'held'",
    ),
    dropHeld: db.prepare(
      "DELETE FROM sync_parked WHERE entity = ? AND entity_id = ? AND field = ? AND reason = 'held'",
    ),
    dropVersion: db.prepare('DELETE FROM field_versions WHERE entity = ? AND entity_id = ? AND field = ?'),
    anyVersion: db.prepare('SELECT 1 FROM field_versions WHERE entity = ? AND entity_id = ? LIMIT 1').pluck(),
    anyPendingForRecord: db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? LIMIT 1').pluck(),
    dropRecordCase: db.prepare('DELETE FROM sync_record_cases WHERE entity = ? AND entity_id = ?'),
    cursor: db.prepare('UPDATE sync_account SET cursor = ?, head = ?'),
    park: db.prepare(
      `INSERT INTO sync_parked (entity, entity_id, field, case_id, value, version, reason) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET value = excluded.value, version = excluded.version, reason = excluded.reason, case_id = excluded.case_id`,
    ),
    parkedIncomplete: db.prepare(
      "SELECT field, value FROM sync_parked WHERE entity = ? AND entity_id = ? AND reason = 'incomplete'",
    ),
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
    else if (this.prepare(`UPDATE ${spec.table} SET ${field} = NULL WHERE id = ?`).run(id).changes > 0)
      this.entities.add(entity);
  }

  flush(): void {
    for (const row of this.rows.values()) this.write(row.entity, row.id, row.fields);
    this.rows.clear();
  }

  private readonly notNull = new Map<string, Set<string>>();

  private required(table: string): Set<string> {
    let cols = this.notNull.get(table);
    if (!cols)
      this.notNull.set(
        table,
        (cols = new Set(
          this.db.prepare('SELECT name FROM pragma_table_info(?) WHERE "notnull" = 1').pluck().all(table) as string[],
        )),
      );
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
    for (const p of this.q.parkedIncomplete.all(entity, id) as { field: string; value: string }[])
      all.set(p.field, columnFromSync(spec, p.field, JSON.parse(p.value)));
    for (const [f, v] of fields) all.set(f, v);
    const cols = ['id', ...all.keys()];
    try {
      this.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...[id, ...all.values()],
      );
      this.q.dropIncomplete.run(entity, id);
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')))
        throw e;
      for (const [f, v] of fields) this.q.park.run(entity, id, f, null, JSON.stringify(v), 0, 'incomplete');
    }
  }
}
