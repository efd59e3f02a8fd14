import { uuidv7 } from '../../../shared/domain/ids';
import { syncStatusSchema, type SyncStatus } from '../../../shared/ipc/sync';
import {
  MAX_CONVERSION_PAGE,
  type FinishResponse,
  type PendingItem,
  type ResealRequest,
} from '../../../shared/sync/offservice';
import type { NewAuditEntry } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import { currentOrgKey } from '../e2e/keyring';
import { e2eMode } from '../e2e/mode';
import { deriveValueKeys, sealValue as seal, type ValuePlace } from '../e2e/values';
import { readAccount } from './account';
import { managerApi } from './manager-api';
import type { SyncApi } from './transport';

/** Set once the service says no value from before encryption is left, so this laptop stops asking. */
export const CONVERTED_KEY = 'plaintext_converted';
/** The last conversion's figures, as JSON, for the sync screen. */
export const CONVERSION_RESULT_KEY = 'plaintext_conversion';

export interface ConversionDeps {
  db(): Db;
  registry: Record<string, EntitySpec>;
  /** One request with this laptop's sign-in. */
  call<T>(fn: (api: SyncApi, token: string) => Promise<T>): Promise<T>;
  progress(label: string, done: number, total: number): void;
  audit(entries: NewAuditEntry[]): void;
  now(): Date;
}

/**
 * Run after each sync of a manager's laptop that holds the organisation's key, until the service
 * says it is done (docs/e2e.md, Converting a service). The laptop has just pulled, so it holds every
 * case at the service's versions: it seals each value the service still keeps in the clear and
 * sends it back at the same version, then asks the service to remove the plain history. A value
 * this laptop cannot match (an edit of its own still waiting, a record it does not hold) is left
 * for a later run; interrupted, it starts again where the service says values are still plain.
 */
export async function convertPlaintextIfDue(d: ConversionDeps): Promise<FinishResponse | null> {
  const db = d.db();
  const acct = readAccount(db);
  const key = currentOrgKey(db);
  if (!acct || !key || e2eMode(db) !== 'sealed' || acct.role === 'advocate') return null;
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(CONVERTED_KEY)) return null;
  const status = await d.call((api, t) => managerApi.conversionStatus(api, t));
  if (!status.due) {
    markConverted(db);
    return null;
  }
  let next: { afterField: PendingRequestCursor['afterField']; afterConflict: string | null } | null = {
    afterField: null,
    afterConflict: null,
  };
  let sent = 0;
  let total = 0;
  while (next) {
    const cursor: PendingRequestCursor = next;
    const page = await d.call((api, t) => managerApi.pending(api, t, { ...cursor, limit: MAX_CONVERSION_PAGE }));
    const body = sealPage(db, d.registry, acct.organisation_id, key, page.items);
    if (body.fields.length || body.conflicts.length) await d.call((api, t) => managerApi.reseal(api, t, body));
    total = page.remaining ?? total;
    sent += page.items.length;
    d.progress('Sealing the service’s records', Math.min(sent, total), Math.max(total, 1));
    next = page.next;
  }
  const done = await d.call((api, t) => managerApi.finish(api, t));
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    CONVERSION_RESULT_KEY,
    JSON.stringify({
      converted: done.converted,
      removed: done.removed,
      remaining: done.remaining,
      done: done.done,
      at: d.now().toISOString(),
    }),
  );
  if (done.done) markConverted(db);
  d.audit([
    {
      action: 'synced',
      method: 'sync.convert',
      detail: `service records sealed: ${done.converted}; plain values removed from the service: ${done.removed}; still to seal: ${done.remaining}`,
    },
  ]);
  return done;
}

/** What the sync screen shows of the last conversion; null where none has run (or its record is unreadable). */
export function lastConversion(db: Db): SyncStatus['conversion'] {
  const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CONVERSION_RESULT_KEY) as
    string | undefined;
  if (!raw) return null;
  const parsed = syncStatusSchema.shape.conversion.safeParse(JSON.parse(raw));
  return parsed.success ? (parsed.data ?? null) : null;
}

type PendingRequestCursor = {
  afterField: { entity: string; entityId: string; field: string } | null;
  afterConflict: string | null;
};

function markConverted(db: Db): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO NOTHING").run(CONVERTED_KEY);
}

/** Seals what this laptop holds at the service's version; anything else is left out of the request. */
function sealPage(
  db: Db,
  registry: Record<string, EntitySpec>,
  organisationId: string,
  key: { epoch: number; key: Buffer },
  items: PendingItem[],
): Omit<ResealRequest, 'v'> {
  const out: Omit<ResealRequest, 'v'> = { fields: [], conflicts: [] };
  const waiting = db.prepare('SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND field = ? LIMIT 1');
  const version = db
    .prepare('SELECT version FROM field_versions WHERE entity = ? AND entity_id = ? AND field = ?')
    .pluck();
  const parked = db.prepare('SELECT value, version FROM sync_parked WHERE entity = ? AND entity_id = ? AND field = ?');
  const conflict = db.prepare('SELECT edit_value, kept_value, kept_version FROM sync_conflicts WHERE id = ?');
  const keys = deriveValueKeys(organisationId, key.epoch, key.key);
  const sealValue = ({ mutationId, ...at }: ValuePlace & { mutationId: string }, value: unknown) =>
    seal(keys, at, mutationId, value);
  const columns = new Map<string, Stmt>();
  const column = (table: string, field: string): Stmt => {
    const k = `${table}.${field}`;
    let stmt = columns.get(k);
    if (!stmt) columns.set(k, (stmt = db.prepare(`SELECT "${field}" AS v FROM "${table}" WHERE id = ?`)));
    return stmt;
  };
  for (const it of items) {
    const place = {
      organisationId,
      entity: it.entity,
      entityId: it.entityId,
      field: it.field,
      caseId: it.caseId,
      mutationId: it.mutationId ?? uuidv7(),
    };
    if (it.kind === 'conflict') {
      const c = conflict.get(it.conflictId) as
        { edit_value: string; kept_value: string; kept_version: number } | undefined;
      if (!c || c.kept_version !== it.version) continue;
      const value = JSON.parse(it.side === 'edit' ? c.edit_value : c.kept_value) as unknown;
      out.conflicts.push({ conflictId: it.conflictId, side: it.side, value: sealValue(place, value) });
      continue;
    }
    if (waiting.get(it.entity, it.entityId, it.field)) continue;
    const held = localValue(registry, it, { version, parked, column });
    if (held)
      out.fields.push({
        entity: it.entity,
        entityId: it.entityId,
        field: it.field,
        caseId: it.caseId,
        version: it.version,
        value: sealValue(place, held.value),
      });
  }
  return out;
}

type Stmt = { get(...a: unknown[]): unknown };

/**
 * The value as the service holds it: sync carries each field as stored, so the column's content
 * is the value. A field parked (unknown to this version, or held aside) is read from where it
 * is parked, at its own version.
 */
function localValue(
  registry: Record<string, EntitySpec>,
  it: Extract<PendingItem, { kind: 'field' }>,
  q: { version: Stmt; parked: Stmt; column(table: string, field: string): Stmt },
): { value: unknown } | null {
  const p = q.parked.get(it.entity, it.entityId, it.field) as { value: string; version: number } | undefined;
  if (p) return p.version === it.version ? { value: JSON.parse(p.value) as unknown } : null;
  const spec = registry[it.entity];
  // Only a declared field is read, so the column named in the statement is one of the table's own.
  if (!spec || !spec.fields.includes(it.field) || q.version.get(it.entity, it.entityId, it.field) !== it.version)
    return null;
  const row = q.column(spec.table, it.field).get(it.entityId) as { v: unknown } | undefined;
  return row ? { value: row.v ?? null } : null;
}
