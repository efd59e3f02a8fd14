import { uuidv7 } from '../../../shared/domain/ids';
import type { HlcClock } from '../../../shared/domain/hlc';
import type { Db } from './database';
import type { EntitySpec } from './entities';
import { entityRegistry } from './entity-registry';
import { toColumn, type FieldValue } from './columns';
import { assertSendable } from './sendable';

export type { FieldValue } from './columns';
export { fromRow } from './columns';

/**
 * The one write path for synced records (docs/architecture.md, The write path). In the same
 * transaction it changes the row and appends one outbox entry per field, carrying the field's last
 * known server version so the server can tell an edit from a conflict. Nothing writes synced tables behind its back.
 */
export class Writer {
  constructor(
    private readonly db: Db,
    private readonly clock: HlcClock,
    private readonly registry: Record<string, EntitySpec> = entityRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private spec(entity: string): EntitySpec {
    const spec = this.registry[entity];
    if (!spec) throw new Error(`Unknown entity "${entity}".`);
    return spec;
  }

  /**
   * Inserts the row if needed and sets the given fields. Returns the fields that actually changed.
   * `sendUnchanged` sends every given field, changed or not: bringing back a record the service
   * has purged must send all of it.
   */
  upsert(
    entity: string,
    id: string,
    caseId: string | null,
    fields: Record<string, FieldValue | undefined>,
    sendUnchanged = false,
  ): string[] {
    const spec = this.spec(entity);
    const entries = Object.entries(fields).filter((e): e is [string, FieldValue] => e[1] !== undefined);
    for (const [field] of entries) {
      if (!spec.fields.includes(field) && field !== 'deleted_at')
        throw new Error(`"${field}" is not a field of ${entity}.`);
    }
    const existing = this.db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    const stored = entries.map(([f, v]) => [f, toColumn(spec, f, v)] as const);
    const changed = existing ? stored.filter(([f, v]) => existing[f] !== v) : stored;
    assertSendable((sendUnchanged ? stored : changed).map(([, v]) => v));
    if (!existing) {
      const cols = ['id', ...stored.map(([f]) => f)];
      this.db
        .prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
        .run(id, ...stored.map(([, v]) => v));
    } else if (changed.length > 0) {
      this.db
        .prepare(`UPDATE ${spec.table} SET ${changed.map(([f]) => `${f} = ?`).join(', ')} WHERE id = ?`)
        .run(...changed.map(([, v]) => v), id);
    }
    const at = this.now().toISOString();
    const baseOf = this.db
      .prepare('SELECT version FROM field_versions WHERE entity = ? AND entity_id = ? AND field = ?')
      .pluck();
    const append = this.db.prepare(
      `INSERT INTO outbox (mutation_id, entity, entity_id, case_id, field, value, base_version, hlc, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [field, value] of sendUnchanged ? stored : changed) {
      const base = (baseOf.get(entity, id, field) as number | undefined) ?? 0;
      append.run(uuidv7(), entity, id, caseId, field, JSON.stringify(value ?? null), base, this.clock.tick(), at);
    }
    return changed.map(([f]) => f);
  }

  /** Soft delete: a tombstone that syncs like any other field. */
  remove(entity: string, id: string, caseId: string | null): void {
    this.upsert(entity, id, caseId, { deleted_at: this.now().toISOString() });
  }
}
