import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../db/database';

/** One synced record a call changed, and which of its fields. Ids and field names only, never values. */
export interface RecordChange {
  entity: string;
  entityId: string;
  caseId: string | null;
  field: string;
}

/** A kind of record a call changed: how many records, and which fields. */
export interface ChangedGroup {
  /** The synced record's kind, as on the wire ("referral", "note"). */
  entity: string;
  count: number;
  fields: string[];
}

/** The records and fields one call changed, kept grouped so a call writing thousands of records stays small. */
export class ChangeSet {
  private readonly byEntity = new Map<string, { ids: Set<string>; fields: Set<string> }>();
  private readonly cases = new Set<string | null>();
  private correctionNoted: { reasonGiven: boolean } | null = null;

  add(c: RecordChange): void {
    const g = this.byEntity.get(c.entity) ?? { ids: new Set<string>(), fields: new Set<string>() };
    g.ids.add(c.entityId);
    g.fields.add(c.field);
    this.byEntity.set(c.entity, g);
    this.cases.add(c.caseId);
  }

  /** The call kept a correction of a saved detail: its entry says "corrected", not "changed". */
  noteCorrection(reasonGiven: boolean): void {
    this.correctionNoted = { reasonGiven: reasonGiven || (this.correctionNoted?.reasonGiven ?? false) };
  }

  get correction(): { reasonGiven: boolean } | null {
    return this.correctionNoted;
  }

  get isEmpty(): boolean {
    return this.byEntity.size === 0;
  }

  /** The case every change was made to, when they were all made to one. */
  soleCase(): string | null {
    const cases = [...this.cases].filter((c): c is string => c !== null);
    return cases.length === 1 ? cases[0]! : null;
  }

  groups(): ChangedGroup[] {
    return [...this.byEntity].map(([entity, g]) => ({ entity, count: g.ids.size, fields: [...g.fields] }));
  }

  static of(changes: readonly RecordChange[]): ChangeSet {
    const set = new ChangeSet();
    for (const c of changes) set.add(c);
    return set;
  }
}

/**
 * Collects, per IPC call, the fields the write path changed, so the trail can say which record
 * and which field a call changed. The outbox already holds one row per changed field, so the
 * changes are read from it rather than from each service. Async-local, so two calls running at
 * once never see each other's changes.
 */
const calls = new AsyncLocalStorage<ChangeSet>();

export async function collectChanges<T>(run: () => Promise<T>): Promise<{ result: T; changes: ChangeSet }> {
  const changes = new ChangeSet();
  const result = await calls.run(changes, run);
  return { result, changes };
}

/**
 * Wraps one write transaction: notes where the outbox ends before `fn`, and after it reads the
 * rows `fn` appended. Called inside the transaction, so a rolled-back write notes nothing.
 */
export function noteChangesOf<T>(db: Db, fn: () => T): T {
  const collector = calls.getStore();
  if (!collector) return fn();
  const before = db.prepare('SELECT coalesce(max(rowid), 0) FROM outbox').pluck().get() as number;
  const result = fn();
  const rows = db
    .prepare('SELECT entity, entity_id AS entityId, case_id AS caseId, field FROM outbox WHERE rowid > ?')
    .iterate(before) as IterableIterator<RecordChange>;
  for (const row of rows) collector.add(row);
  return result;
}

/**
 * Notes that the current call corrected a saved detail, so its one audit entry is a correction
 * (with whether a reason was given) rather than a plain change. Outside an audited call it does nothing.
 */
export function noteCorrection(reasonGiven: boolean): void {
  calls.getStore()?.noteCorrection(reasonGiven);
}
