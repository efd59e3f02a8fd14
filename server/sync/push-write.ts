import type { PoolClient } from 'pg';
import type { DeviceIdentity } from '../auth/authenticate';
import type { ChangeRow } from './change-rows';

/**
 * Seqs, log rows, field state, new cases and the request's audit row in one statement: one round trip instead of
 * four, which is most of the cost of a push on a busy server. Runs under the organisation lock,
 * so which fields exist is known from the load and new ones are plain INSERTs, not upserts.
 */
export async function writeBatch(
  client: PoolClient,
  who: DeviceIdentity,
  rows: Omit<ChangeRow, 'seq'>[],
  cases: string[],
  fieldWrites: Iterable<{ ord: number; existed: boolean }>,
  created: ReadonlySet<string>,
  now: Date,
) {
  // Per row: 'i' makes the field's state, 'u' replaces it, null leaves it (not its last change).
  const state: ('i' | 'u' | null)[] = rows.map(() => null);
  for (const w of fieldWrites) state[w.ord - 1] = w.existed ? 'u' : 'i';
  // The rows travel as one JSON document (as fast as fifteen array parameters, and jsonb puts
  // object keys in one order itself). Each value is wrapped in an array so that a JSON null stays
  // a JSON null instead of becoming SQL NULL.
  const doc = JSON.stringify(
    rows.map((r, i) => ({
      kind: r.kind,
      mutationId: r.mutationId,
      entity: r.entity,
      entityId: r.entityId,
      caseId: r.caseId,
      field: r.field,
      value: r.value === undefined ? null : [r.value],
      version: r.version,
      userId: r.userId,
      deviceId: r.deviceId,
      hlc: r.hlc,
      conflictId: r.conflictId,
      fromUser: r.fromUser,
      toUser: r.toUser,
      st: state[i],
      ord: i + 1,
    })),
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
    [
      who.organisationId,
      rows.length,
      doc,
      who.userId,
      who.deviceId,
      cases.length === 1 ? cases[0] : null,
      cases.length,
      [...created],
      now,
      who.role === 'advocate',
    ],
  );
}

/** A conflict to record: the edit that was not applied and the value the service kept. */
export interface NewConflict {
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
const conflictColumns = [
  'id',
  'entity',
  'entityId',
  'caseId',
  'field',
  'reason',
  'editMutationId',
  'editValue',
  'editHlc',
  'keptValue',
  'keptVersion',
  'keptUser',
  'keptDevice',
  'keptHlc',
] as const satisfies readonly (keyof NewConflict)[];

export async function insertConflicts(client: PoolClient, who: DeviceIdentity, rows: readonly NewConflict[]) {
  await client.query(
    `INSERT INTO conflicts (id, organisation_id, entity, entity_id, case_id, field, reason, edit_mutation_id, edit_value, edit_user, edit_device, edit_hlc,
                            kept_value, kept_version, kept_user, kept_device, kept_hlc)
     SELECT u.id, $1, u.entity, u.entity_id, u.case_id, u.field, u.reason, u.mid, u.edit_value, $2, $3, u.edit_hlc, u.kept_value, u.kept_version, u.kept_user, u.kept_device, u.kept_hlc
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::jsonb[], $12::text[], $13::jsonb[], $14::bigint[], $15::uuid[], $16::uuid[], $17::text[])
         AS u(id, entity, entity_id, case_id, field, reason, mid, edit_value, edit_hlc, kept_value, kept_version, kept_user, kept_device, kept_hlc)`,
    [who.organisationId, who.userId, who.deviceId, ...conflictColumns.map((k) => rows.map((r) => r[k]))],
  );
}
