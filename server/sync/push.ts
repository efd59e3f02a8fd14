import type { Pool, PoolClient } from 'pg';
import { uuidv7 } from '../../shared/domain/ids';
import { PROTOCOL_VERSION, type ConflictReason, type OutgoingChange, type PushOutcome, type PushRequest, type PushResponse, type RefusalReason } from '../../shared/sync/protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { inOrgTransaction } from '../db/tx';
import { CASE_FACTS_SQL, DEFAULT_ACCESS_LIMITS, accessFor, formerHolderBudget, caseFactsParams, readCaseFact, type AccessLimits, type CaseFactsRead } from './access';
import type { ChangeRow } from './change-rows';
import { canonicalJson, sameValue } from './json-equal';
import { checkSealing } from './sealed-values';
import { resolveConflicts } from './resolve';
import { allocationRefusal, applyAllocations, loadAllocationFacts } from './allocation-push';
import { ALLOCATION_ENTITY } from '../../shared/sync/team-protocol';

interface FieldState {
  value: unknown;
  version: number;
  userId: string | null;
  deviceId: string | null;
  hlc: string | null;
  caseId: string | null;
}

const key = (entity: string, id: string, field?: string) => (field === undefined ? `${entity}\u0000${id}` : `${entity}\u0000${id}\u0000${field}`);

/**
 * Applies a batch in one transaction under the organisation's lock. First the access model
 * (access.ts) decides whether this device may write each change; a refused change is logged as
 * `refused` with its reason code and nothing else, for this device alone. Then, per field: a base
 * version equal to the current one applies and bumps the version; an equal value is a no-op;
 * anything else keeps the current value and records a conflict with both sides. A mutation id
 * seen before (in this organisation) answers as before and changes nothing, so a retried or
 * duplicated push is harmless.
 */
export async function applyPush(pool: Pool, who: DeviceIdentity, req: PushRequest, now: Date, limits: AccessLimits = DEFAULT_ACCESS_LIMITS): Promise<{ body: PushResponse; cases: string[]; audited: boolean }> {
  const cases = [...new Set(req.changes.map((c) => c.caseId).filter((c): c is string => c !== null))];
  return inOrgTransaction(pool, who.organisationId, async (client) => {
    // Mutations seen before and the current state of every record in the batch, in one round trip.
    const { seen, taken, state, facts, epochs } = await loadSeenAndState(client, who, req.changes, now, limits);
    // Before anything is written: a refusal leaves the organisation as it was. A mutation this
    // device (or person) sent before is answered as before and writes nothing, so its value is not
    // judged again: a push sent in the clear before the organisation had a key, whose answer was
    // lost, still hears its outcome. Every other change, another person's mutation id included
    // (so a refusal cannot tell whether an id was taken), must be sealed.
    checkSealing(req.changes.filter((c) => !seen.has(c.mutationId) || taken.has(c.mutationId)), epochs);
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
            id: conflictId, entity: c.entity, entityId: c.entityId, caseId: c.caseId, field: c.field, reason: 'not_allocated', editMutationId: c.mutationId, editValue: canonicalJson(c.value), editHlc: c.hlc,
            keptValue: canonicalJson(kept.value), keptVersion: kept.version, keptUser: kept.userId, keptDevice: kept.deviceId, keptHlc: kept.hlc,
          });
          rows.push({ ...logRow(who, c, 'conflict', kept.value, kept.version, conflictId), mutationId: null });
        }
        continue;
      }
      let reason: ConflictReason | null = null;
      const tomb = state.fields.get(key(c.entity, c.entityId, 'deleted_at'));
      if (c.field !== 'deleted_at' && tomb && tomb.value !== null && !(cur && sameValue(cur.value, c.value))) reason = 'deleted';
      let outcome: PushOutcome;
      if (reason) outcome = 'conflict';
      else if (!cur || c.baseVersion >= cur.version) outcome = 'applied';
      else if (sameValue(cur.value, c.value)) outcome = 'noop';
      // The same device writing a field twice before hearing back is not a conflict with itself;
      // its clock orders its own edits even when requests arrive out of order.
      else if (cur.deviceId === who.deviceId) outcome = (c.hlc > (cur.hlc ?? '') ? 'applied' : 'superseded');
      else {
        outcome = 'conflict';
        reason = 'concurrent_edit';
      }
      outcomes.set(c.mutationId, { outcome });
      if (c.entity === ALLOCATION_ENTITY && (outcome === 'applied' || outcome === 'noop')) allocations.push(c);
      if (outcome === 'applied') {
        const next: FieldState = { value: c.value, version: (cur?.version ?? 0) + 1, userId: who.userId, deviceId: who.deviceId, hlc: c.hlc, caseId: c.caseId };
        state.fields.set(key(c.entity, c.entityId, c.field), next);
        if (entityCase === undefined) state.entityCase.set(key(c.entity, c.entityId), c.caseId);
        rows.push(logRow(who, c, 'change', c.value, next.version));
        const k = key(c.entity, c.entityId, c.field);
        fieldWrites.set(k, { ord: rows.length, existed: fieldWrites.get(k)?.existed ?? cur !== undefined });
      } else if (outcome === 'conflict') {
        const kept = cur ?? { value: null, version: 0, userId: null, deviceId: null, hlc: null, caseId: c.caseId };
        const conflictId = uuidv7();
        conflicts.push({
          id: conflictId, entity: c.entity, entityId: c.entityId, caseId: c.caseId, field: c.field, reason, editMutationId: c.mutationId, editValue: canonicalJson(c.value), editHlc: c.hlc,
          keptValue: canonicalJson(kept.value), keptVersion: kept.version, keptUser: kept.userId, keptDevice: kept.deviceId, keptHlc: kept.hlc,
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
      return { mutationId: c.mutationId, outcome: r.outcome, duplicate: seen.has(c.mutationId) && !taken.has(c.mutationId), ...(r.reason ? { reason: r.reason } : {}) };
    });
    return { body: { v: PROTOCOL_VERSION, results }, cases, audited };
  });
}

/** A literal, not a spread of a shared base: spreading a dozen keys per row cost ~2 µs a row. */
function logRow(who: DeviceIdentity, c: OutgoingChange, kind: string, value: unknown, version: number, conflictId: string | null = null): Omit<ChangeRow, 'seq'> {
  return { kind, mutationId: c.mutationId, entity: c.entity, entityId: c.entityId, caseId: c.caseId, field: c.field, value, version, userId: who.userId, deviceId: who.deviceId, hlc: c.hlc, conflictId, fromUser: null, toUser: null };
}

async function loadSeenAndState(client: PoolClient, who: DeviceIdentity, changes: readonly OutgoingChange[], now: Date, limits: AccessLimits) {
  const org = who.organisationId;
  const facts: CaseFactsRead = { cases: new Map(), madeThisHour: 0 };
  const seen = new Map<string, { outcome: PushOutcome; reason?: RefusalReason }>();
  /** Mutation ids another person sent first: refused, never reported as duplicates. */
  const taken = new Set<string>();
  const fields = new Map<string, FieldState>();
  const entityCase = new Map<string, string | null>();
  const epochs = new Set<number>();
  if (changes.length) {
    const pairs = [...new Map(changes.map((c) => [key(c.entity, c.entityId), c])).values()];
    // Each lookup is fenced (OFFSET 0) so it walks the primary key or the mutation index row by
    // row whatever the planner believes about table sizes: with stale statistics it chose hash
    // joins over the organisation's whole state, which grew slower with every push.
    const r = await client.query<{ t: string; entity: string; entity_id: string; field: string; value: unknown; version: string; user_id: string | null; device_id: string | null; hlc: string | null; case_id: string | null }>(
      `SELECT 's' AS t, s.entity, s.entity_id, s.field, s.value, s.version::text AS version, s.user_id, s.device_id, s.hlc, s.case_id
         FROM unnest($2::text[], $3::text[]) AS p(entity, entity_id)
         CROSS JOIN LATERAL (SELECT * FROM field_state f WHERE f.organisation_id = $1 AND f.entity = p.entity AND f.entity_id = p.entity_id OFFSET 0) s
       UNION ALL
       SELECT 'm', NULL, l.mutation_id::text, l.kind, l.value, NULL, l.user_id, l.device_id, NULL, NULL
         FROM unnest($4::uuid[]) AS m(id) CROSS JOIN LATERAL (SELECT mutation_id, kind, CASE WHEN kind IN ('refused', 'acked') THEN value END AS value, user_id, device_id FROM changes WHERE organisation_id = $1 AND mutation_id = m.id OFFSET 0) l
       UNION ALL
       -- The organisation's key epochs: with any, only sealed values (and plain deletions) are taken.
       SELECT 'e', NULL, NULL, NULL, NULL, k.epoch::text, NULL, NULL, NULL, NULL FROM key_epochs k WHERE k.organisation_id = $1
       UNION ALL${CASE_FACTS_SQL}`,
      [org, pairs.map((c) => c.entity), pairs.map((c) => c.entityId), changes.map((c) => c.mutationId), ...caseFactsParams(who, changes, now, limits)],
    );
    for (const row of r.rows) {
      if (readCaseFact(facts, row)) continue;
      if (row.t === 'e') {
        epochs.add(Number(row.version));
        continue;
      }
      if (row.t === 'm') {
        // Another person's mutation id: refused with the neutral code and nothing logged, so its
        // outcome stays theirs. The same person's other device (a laptop restored and enrolled
        // again) hears it as a duplicate, as the laptop that sent it would.
        if (row.device_id !== who.deviceId && row.user_id !== who.userId) {
          seen.set(row.entity_id, { outcome: 'refused', reason: 'not_held' });
          taken.add(row.entity_id);
          continue;
        }
        // An `acked` row (its value removed by the conversion) keeps its outcome as its value.
        const outcome = row.field === 'change' ? 'applied' : row.field === 'acked' ? (row.value as PushOutcome) : (row.field as PushOutcome);
        seen.set(row.entity_id, outcome === 'refused' ? { outcome, reason: row.value as RefusalReason } : { outcome });
        continue;
      }
      fields.set(key(row.entity, row.entity_id, row.field), { value: row.value, version: Number(row.version), userId: row.user_id, deviceId: row.device_id, hlc: row.hlc, caseId: row.case_id });
      entityCase.set(key(row.entity, row.entity_id), row.case_id);
    }
  }
  return { seen, taken, state: { fields, entityCase }, facts, epochs };
}

/**
 * Seqs, log rows, field state, new cases and the request's audit row in one statement: one round trip instead of
 * four, which is most of the cost of a push on a busy server. Runs under the organisation lock,
 * so which fields exist is known from the load and new ones are plain INSERTs, not upserts.
 */
async function writeBatch(client: PoolClient, who: DeviceIdentity, rows: Omit<ChangeRow, 'seq'>[], cases: string[], fieldWrites: Iterable<{ ord: number; existed: boolean }>, created: ReadonlySet<string>, now: Date) {
  // Per row: 'i' makes the field's state, 'u' replaces it, null leaves it (not its last change).
  const state: ('i' | 'u' | null)[] = rows.map(() => null);
  for (const w of fieldWrites) state[w.ord - 1] = w.existed ? 'u' : 'i';
  // The rows travel as one JSON document (as fast as fifteen array parameters, and jsonb puts
  // object keys in one order itself). Each value is wrapped in an array so that a JSON null stays
  // a JSON null instead of becoming SQL NULL.
  const doc = JSON.stringify(
    rows.map((r, i) => ({ kind: r.kind, mutationId: r.mutationId, entity: r.entity, entityId: r.entityId, caseId: r.caseId, field: r.field, value: r.value === undefined ? null : [r.value], version: r.version, userId: r.userId, deviceId: r.deviceId, hlc: r.hlc, conflictId: r.conflictId, fromUser: r.fromUser, toUser: r.toUser, st: state[i], ord: i + 1 })),
  );
  await client.query(
    `WITH s AS (UPDATE organisations SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq - $2 AS base),
     u AS (SELECT s.base + u.ord AS seq, u.value -> 0 AS v, u.* FROM s, jsonb_to_recordset($3::jsonb) AS u(kind text, "mutationId" uuid, entity text, "entityId" text, "caseId" text, field text, value jsonb, version bigint, "userId" uuid, "deviceId" uuid, hlc text, "conflictId" uuid, "fromUser" uuid, "toUser" uuid, st text, ord bigint)),
     c AS (INSERT INTO changes (organisation_id, seq, kind, mutation_id, entity, entity_id, case_id, field, value, version, user_id, device_id, hlc, conflict_id, from_user, to_user)
           SELECT $1, seq, kind, "mutationId", entity, "entityId", "caseId", field, v, version, "userId", "deviceId", hlc, "conflictId", "fromUser", "toUser" FROM u),
     fi AS (INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, user_id, device_id, hlc, seq)
            SELECT $1, entity, "entityId", field, "caseId", v, version, "userId", "deviceId", hlc, seq FROM u WHERE st = 'i'),
     fu AS (UPDATE field_state f SET value = u.v, version = u.version, user_id = u."userId", device_id = u."deviceId", hlc = u.hlc, seq = u.seq
              FROM u WHERE u.st = 'u' AND f.organisation_id = $1 AND f.entity = u.entity AND f.entity_id = u."entityId" AND f.field = u.field),
     a AS (INSERT INTO audit (organisation_id, user_id, device_id, action, case_id, status, case_count) VALUES ($1, $4, $5, 'POST /v1/push', $6, 200, $7)),
     -- Cases this push made: recorded with the device (never handed out again), and an advocate's allocated to them.
     o AS (INSERT INTO case_origins (organisation_id, case_id, device_id, created_at) SELECT $1, x, $5, $9 FROM unnest($8::text[]) AS x),
     al AS (INSERT INTO allocations (organisation_id, case_id, user_id, allocated_at) SELECT $1, x, $4, $9 FROM unnest($8::text[]) AS x WHERE $10)
     SELECT base FROM s`,
    [who.organisationId, rows.length, doc, who.userId, who.deviceId, cases.length === 1 ? cases[0] : null, cases.length, [...created], now, who.role === 'advocate'],
  );
}

/** A conflict to record: the edit that was not applied and the value the service kept. */
interface NewConflict {
  id: string;
  entity: string;
  entityId: string;
  caseId: string | null;
  field: string;
  reason: string | null;
  editMutationId: string;
  editValue: unknown;
  editHlc: string | null;
  keptValue: unknown;
  keptVersion: number;
  keptUser: string | null;
  keptDevice: string | null;
  keptHlc: string | null;
}

/** In the order of the unnest below. */
const conflictColumns = ['id', 'entity', 'entityId', 'caseId', 'field', 'reason', 'editMutationId', 'editValue', 'editHlc', 'keptValue', 'keptVersion', 'keptUser', 'keptDevice', 'keptHlc'] as const satisfies readonly (keyof NewConflict)[];

async function insertConflicts(client: PoolClient, who: DeviceIdentity, rows: readonly NewConflict[]) {
  await client.query(
    `INSERT INTO conflicts (id, organisation_id, entity, entity_id, case_id, field, reason, edit_mutation_id, edit_value, edit_user, edit_device, edit_hlc,
                            kept_value, kept_version, kept_user, kept_device, kept_hlc)
     SELECT u.id, $1, u.entity, u.entity_id, u.case_id, u.field, u.reason, u.mid, u.edit_value, $2, $3, u.edit_hlc, u.kept_value, u.kept_version, u.kept_user, u.kept_device, u.kept_hlc
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::jsonb[], $12::text[], $13::jsonb[], $14::bigint[], $15::uuid[], $16::uuid[], $17::text[])
         AS u(id, entity, entity_id, case_id, field, reason, mid, edit_value, edit_hlc, kept_value, kept_version, kept_user, kept_device, kept_hlc)`,
    [who.organisationId, who.userId, who.deviceId, ...conflictColumns.map((k) => rows.map((r) => r[k]))],
  );
}
