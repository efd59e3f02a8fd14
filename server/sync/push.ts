import type { Pool } from 'pg';
import { uuidv7 } from '../../shared/domain/ids';
import {
  PROTOCOL_VERSION,
  type ConflictReason,
  type OutgoingChange,
  type PushOutcome,
  type PushRequest,
  type PushResponse,
  type RefusalReason,
} from '../../shared/sync/protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { inOrgTransaction } from '../db/tx';
import { DEFAULT_ACCESS_LIMITS, accessFor, formerHolderBudget, type AccessLimits } from './access';
import { key, loadSeenAndState, type FieldState } from './push-load';
import { insertConflicts, writeBatch, type NewConflict } from './push-write';
import type { ChangeRow } from './change-rows';
import { canonicalJson, sameValue } from './json-equal';
import { checkSealing } from './sealed-values';
import { resolveConflicts } from './resolve';
import { allocationRefusal, applyAllocations, loadAllocationFacts } from './allocation-push';
import { ALLOCATION_ENTITY } from '../../shared/sync/team-protocol';

/**
 * Applies a batch in one transaction under the organisation's lock. First the access model
 * (access.ts) decides whether this device may write each change; a refused change is logged as
 * `refused` with its reason code and nothing else, for this device alone. Then, per field: a base
 * version equal to the current one applies and bumps the version; an equal value is a no-op;
 * anything else keeps the current value and records a conflict with both sides. A mutation id
 * seen before (in this organisation) answers as before and changes nothing, so a retried or
 * duplicated push is harmless.
 */
export async function applyPush(
  pool: Pool,
  who: DeviceIdentity,
  req: PushRequest,
  now: Date,
  limits: AccessLimits = DEFAULT_ACCESS_LIMITS,
): Promise<{ body: PushResponse; cases: string[]; audited: boolean }> {
  const cases = [...new Set(req.changes.map((c) => c.caseId).filter((c): c is string => c !== null))];
  return inOrgTransaction(pool, who.organisationId, async (client) => {
    // Mutations seen before and the current state of every record in the batch, in one round trip.
    const { seen, taken, state, facts, epochs } = await loadSeenAndState(client, who, req.changes, now, limits);
    // Before anything is written: a refusal leaves the organisation as it was. A mutation this
    // device (or person) sent before is answered as before and writes nothing, so its value is not
    // judged again: a push sent in the clear before the organisation had a key, whose answer was
    // lost, still hears its outcome. Every other change, another person's mutation id included
    // (so a refusal cannot tell whether an id was taken), must be sealed.
    checkSealing(
      req.changes.filter((c) => !seen.has(c.mutationId) || taken.has(c.mutationId)),
      epochs,
    );
    const fresh: OutgoingChange[] = [];
    const inBatch = new Set<string>();
    for (const c of req.changes) {
      if (seen.has(c.mutationId) || inBatch.has(c.mutationId)) continue;
      inBatch.add(c.mutationId);
      fresh.push(c);
    }
    const access = accessFor(who, facts, limits);
    const allocationFacts = await loadAllocationFacts(client, who.organisationId, fresh);
    // Managers' allocations applied (or repeated) in this batch, made the service's own after it is written.
    const allocations: OutgoingChange[] = [];
    const rows: Omit<ChangeRow, 'seq'>[] = [];
    const outcomes = new Map<string, { outcome: PushOutcome; reason?: RefusalReason }>();
    const conflicts: NewConflict[] = [];
    let keepBudget: number | undefined;
    // Where each field's state stands after the batch: the row (1-based) of its last applied
    // change, and whether the service held the field before, so the write needs no upsert.
    const fieldWrites = new Map<string, { ord: number; existed: boolean }>();

    for (const c of fresh) {
      const cur = state.fields.get(key(c.entity, c.entityId, c.field));
      const entityCase = state.entityCase.get(key(c.entity, c.entityId));
      const decision = access.decide(c, entityCase);
      const allocationProblem = decision.ok ? allocationRefusal(who, c, allocationFacts, access.created) : null;
      if (allocationProblem) {
        outcomes.set(c.mutationId, { outcome: 'refused', reason: allocationProblem });
        rows.push(logRow(who, c, 'refused', allocationProblem, 0));
        continue;
      }
      if (!decision.ok) {
        outcomes.set(c.mutationId, { outcome: 'refused', reason: decision.reason });
        // Over the hourly limit nothing is recorded: the laptop keeps the change and tries later.
        if (decision.reason === 'case_limit') continue;
        // The device is told the code alone; the row's value is the code, never a record's value.
        rows.push(logRow(who, c, 'refused', decision.reason, 0));
        // Only so many a day, and only for a while after the case moved (access.ts): a former
        // holder must not be able to fill the new holder's conflicts for ever. A record the
        // service does not hold yet counts too: a note typed offline before the case moved would
        // otherwise be lost with the case's purge from the laptop.
        if (decision.keepForHolder && (keepBudget ??= await formerHolderBudget(client, who, now, limits)) > 0) {
          keepBudget--;
          // An edit from an advocate the case was taken from is not lost: its holder decides on
          // it. The holder's row has no mutation id, so it never reaches the sender as its own.
          const kept = cur ?? { value: null, version: 0, userId: null, deviceId: null, hlc: null, caseId: c.caseId };
          const conflictId = uuidv7();
          conflicts.push({
            id: conflictId,
            entity: c.entity,
            entityId: c.entityId,
            caseId: c.caseId,
            field: c.field,
            reason: 'not_allocated',
            editMutationId: c.mutationId,
            editValue: canonicalJson(c.value),
            editHlc: c.hlc,
            keptValue: canonicalJson(kept.value),
            keptVersion: kept.version,
            keptUser: kept.userId,
            keptDevice: kept.deviceId,
            keptHlc: kept.hlc,
          });
          rows.push({ ...logRow(who, c, 'conflict', kept.value, kept.version, conflictId), mutationId: null });
        }
        continue;
      }
      let reason: ConflictReason | null = null;
      const tomb = state.fields.get(key(c.entity, c.entityId, 'deleted_at'));
      if (c.field !== 'deleted_at' && tomb && tomb.value !== null && !(cur && sameValue(cur.value, c.value)))
        reason = 'deleted';
      let outcome: PushOutcome;
      if (reason) outcome = 'conflict';
      else if (!cur || c.baseVersion >= cur.version) outcome = 'applied';
      else if (sameValue(cur.value, c.value)) outcome = 'noop';
      // The same device writing a field twice before hearing back is not a conflict with itself;
      // its clock orders its own edits even when requests arrive out of order.
      else if (cur.deviceId === who.deviceId) outcome = c.hlc > (cur.hlc ?? '') ? 'applied' : 'superseded';
      else {
        outcome = 'conflict';
        reason = 'concurrent_edit';
      }
      outcomes.set(c.mutationId, { outcome });
      if (c.entity === ALLOCATION_ENTITY && (outcome === 'applied' || outcome === 'noop')) allocations.push(c);
      if (outcome === 'applied') {
        const next: FieldState = {
          value: c.value,
          version: (cur?.version ?? 0) + 1,
          userId: who.userId,
          deviceId: who.deviceId,
          hlc: c.hlc,
          caseId: c.caseId,
        };
        state.fields.set(key(c.entity, c.entityId, c.field), next);
        if (entityCase === undefined) state.entityCase.set(key(c.entity, c.entityId), c.caseId);
        rows.push(logRow(who, c, 'change', c.value, next.version));
        const k = key(c.entity, c.entityId, c.field);
        fieldWrites.set(k, { ord: rows.length, existed: fieldWrites.get(k)?.existed ?? cur !== undefined });
      } else if (outcome === 'conflict') {
        const kept = cur ?? { value: null, version: 0, userId: null, deviceId: null, hlc: null, caseId: c.caseId };
        const conflictId = uuidv7();
        conflicts.push({
          id: conflictId,
          entity: c.entity,
          entityId: c.entityId,
          caseId: c.caseId,
          field: c.field,
          reason,
          editMutationId: c.mutationId,
          editValue: canonicalJson(c.value),
          editHlc: c.hlc,
          keptValue: canonicalJson(kept.value),
          keptVersion: kept.version,
          keptUser: kept.userId,
          keptDevice: kept.deviceId,
          keptHlc: kept.hlc,
        });
        rows.push(logRow(who, c, 'conflict', kept.value, kept.version, conflictId));
      } else {
        rows.push(logRow(who, c, outcome, cur!.value, cur!.version));
      }
    }

    const extra = await resolveConflicts(client, who, req.resolutions ?? [], now);
    const all = [...rows, ...extra.rows];
    let audited = false;
    if (all.length) {
      await writeBatch(client, who, all, cases, fieldWrites.values(), access.created, now);
      audited = true;
      if (conflicts.length) await insertConflicts(client, who, conflicts);
      if (allocations.length) await applyAllocations(client, who, allocations, now);
    }
    const results = req.changes.map((c) => {
      const r = seen.get(c.mutationId) ?? outcomes.get(c.mutationId)!;
      return {
        mutationId: c.mutationId,
        outcome: r.outcome,
        duplicate: seen.has(c.mutationId) && !taken.has(c.mutationId),
        ...(r.reason ? { reason: r.reason } : {}),
      };
    });
    return { body: { v: PROTOCOL_VERSION, results }, cases, audited };
  });
}

/** A literal, not a spread of a shared base: spreading a dozen keys per row cost ~2 µs a row. */
function logRow(
  who: DeviceIdentity,
  c: OutgoingChange,
  kind: string,
  value: unknown,
  version: number,
  conflictId: string | null = null,
): Omit<ChangeRow, 'seq'> {
  return {
    kind,
    mutationId: c.mutationId,
    entity: c.entity,
    entityId: c.entityId,
    caseId: c.caseId,
    field: c.field,
    value,
    version,
    userId: who.userId,
    deviceId: who.deviceId,
    hlc: c.hlc,
    conflictId,
    fromUser: null,
    toUser: null,
  };
}
