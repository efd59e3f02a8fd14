import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import type { IncomingChange, PullResponse } from '../../../shared/sync/protocol';
import { eraseCase, optimizeSearchIndexes } from '../retention/erase-case';
import { forgetTombstone, purgeCase, recordsOfCase, purgeWaiting, takeCaseBack } from './purge';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { RowWriter, statements } from './apply-rows';

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
  /**
   * This device's changes the service called a no-op although the value it holds is not the one
   * sent (a MAC that lied, docs/e2e.md): not converged to, the local value is kept.
   */
  unverified: { seq: number; entity: string; entityId: string; field: string; caseId: string | null }[];
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
  /** Runs inside the page's transaction once it is applied (the audit entries for refused values). */
  onApplied?(out: ApplyOutcome): void;
}

export function applyPage(
  db: Db,
  registry: Record<string, EntitySpec>,
  selfDevice: string,
  page: PullResponse,
  opts: ApplyOptions,
): ApplyOutcome {
  const out: ApplyOutcome = {
    applied: 0,
    conflicts: 0,
    purged: 0,
    erased: [],
    tombstones: 0,
    refused: [],
    unverified: [],
    entities: new Set(),
  };
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
      const own =
        c.mutationId !== null &&
        c.kind !== 'resolved' &&
        (c.deviceId === selfDevice || (anyPending && q.inOutbox.get(c.mutationId) !== undefined));
      // What this device sent, for a no-op to be checked against before the outbox row goes.
      const sent = own && c.kind === 'noop' ? (q.sentValue.get(c.mutationId) as string | null | undefined) : undefined;
      if (own) {
        q.ack.run(c.mutationId);
        // A record made here belongs to its case even if the service never took it, so a purge finds it.
        // A refused record too, while it is still here: a case given a new id finds its records by it.
        if (c.caseId && c.entity && c.entityId && (c.kind !== 'refused' || stillHere(c.entity, c.entityId)))
          recordCase(c.entity, c.entityId, c.caseId);
        if (field(c)) releaseHeld(c.entity, c.entityId, c.field);
      }
      switch (c.kind) {
        case 'change':
          if (field(c) && setField(c, false)) out.applied++;
          break;
        case 'noop':
        case 'superseded':
          if (!own || !field(c)) break;
          if (sent !== undefined && canonicalJson(JSON.parse(sent ?? 'null')) !== canonicalJson(c.value ?? null)) {
            out.unverified.push({
              seq: c.seq,
              entity: c.entity,
              entityId: c.entityId,
              field: c.field,
              caseId: c.caseId,
            });
            break;
          }
          setField(c, true);
          break;
        case 'conflict': {
          const k = c.conflict;
          if (!k || !field(c)) break;
          // This user does not hold the case now: a purge follows; nothing here to show or converge.
          if (own && k.kept.hidden) break;
          q.conflict.run(
            k.id,
            c.entity,
            c.entityId,
            c.caseId,
            c.field,
            k.reason,
            own ? 1 : 0,
            JSON.stringify(k.edit.value ?? null),
            k.edit.userId,
            k.edit.deviceId,
            k.edit.hlc,
            JSON.stringify(k.kept.value ?? null),
            k.kept.version,
            k.kept.userId,
            k.kept.deviceId,
            k.kept.hlc,
            c.seq,
          );
          out.conflicts++;
          setField({ ...c, value: k.kept.value, version: k.kept.version }, own);
          break;
        }
        case 'refused':
          // Not applied, and the service says why and nothing more. What was typed stays here.
          if (own && c.entity && c.entityId) {
            if (c.field) releaseHeld(c.entity, c.entityId, c.field);
            out.refused.push({
              entity: c.entity,
              entityId: c.entityId,
              caseId: c.caseId,
              reason: c.reason ?? 'not_held',
            });
          }
          break;
        case 'resolved':
          if (c.conflictId) q.resolved.run(opts.now().toISOString(), c.conflictId);
          break;
        case 'allocated':
          // Given back before a waiting purge ran: keep what is on the way, take the rest afresh.
          // Most allocations find no purge waiting: the writer's batch then carries on unflushed.
          if (c.caseId && purgeWaiting(db, c.caseId)) {
            writer.flush();
            recorded.clear();
            takeCaseBack(db, registry, c.caseId);
          }
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
              return (
                spec?.table === 'people' &&
                db.prepare('SELECT 1 FROM people WHERE id = ?').get(r.entity_id) !== undefined
              );
            };
            purgeCase(
              db,
              registry,
              c.caseId,
              records.filter((r) => !kept(r)),
            );
            if (removed > 0 || records.length > 0) {
              out.erased.push(c.caseId);
              opts.onErased?.(c.caseId);
              db.prepare(
                "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'",
              ).run(COMPACT_DUE_KEY);
            }
          }
          break;
        case 'purged':
          if (c.entity && c.entityId) {
            writer.flush();
            recorded.delete(`${c.entity}\u0000${c.entityId}`);
            if (
              forgetTombstone(
                db,
                registry,
                c.entity,
                c.entityId,
                c.version === null ? null : { value: c.value, version: c.version },
              )
            ) {
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
    opts.onApplied?.(out);
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
    const held = q.held.get(entity, entityId, fieldName) as
      { case_id: string | null; value: string; version: number } | undefined;
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

  function field(
    c: IncomingChange,
  ): c is IncomingChange & { entity: string; entityId: string; field: string; version: number } {
    return c.entity !== null && c.entityId !== null && c.field !== null && c.version !== null;
  }

  /** `converge`: an acknowledgement; take the service's value even at an equal version. */
  function setField(
    c: IncomingChange & { entity: string; entityId: string; field: string; version: number },
    converge: boolean,
  ): boolean {
    // One statement both compares and records the version: it changes a row only when newer
    // (or, for an acknowledgement, at least as new) than the one held.
    if (c.version <= 0) {
      if (converge) forgetField(c.entity, c.entityId, c.field);
      return false;
    }
    if ((converge ? q.versionAtLeast : q.versionNewer).run(c.entity, c.entityId, c.field, c.version).changes === 0)
      return false;
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
