import type { Pool } from 'pg';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { FinishResponse, ResealRequest, ResealResponse } from '../../shared/sync/offservice';
import type { DeviceIdentity } from '../auth/authenticate';
import { inOrgTransaction } from '../db/tx';
import { ServiceError } from '../errors';
import { CURRENT_PLAIN, PLAIN, SERVICE_READ, conversionRow, managerOnly, mustBeDue, remainingPlain } from './convert';

const MOVED =
  'A sealed value was sealed for another change than the one that wrote the value it replaces. Nothing was changed.';

/**
 * Replaces plain values by the sealed ones a manager's laptop sent, at the same version. Only a
 * value still in the clear at exactly that version and case is replaced, so a sealed value is
 * never overwritten this way and an edit made meanwhile wins (its value is counted as skipped).
 * The log row that wrote the current value is replaced with it, so a laptop catching up later
 * receives the sealed value; laptops that have it already are sent nothing.
 */
export async function reseal(pool: Pool, who: DeviceIdentity, req: ResealRequest): Promise<ResealResponse> {
  managerOnly(who);
  const org = who.organisationId;
  return inOrgTransaction(pool, org, async (client) => {
    await mustBeDue(client, who);
    const epochs = new Set([...req.fields.map((f) => f.value.ep), ...req.conflicts.map((c) => c.value.ep)]);
    const known = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM key_epochs WHERE organisation_id = $1 AND epoch = ANY($2::int[])',
      [org, [...epochs]],
    );
    if (known.rows[0]!.n !== epochs.size)
      throw new ServiceError(
        400,
        'bad_request',
        'A sealed value named a key the service does not know. Nothing was changed.',
      );
    const f = req.fields;
    // Each value is found by its key: with the batch's thousand keys the planner otherwise hashed
    // the organisation's whole state for every request (160 ms a request at 60,000 fields, 18 ms
    // by key). Only for this transaction.
    await client.query('SET LOCAL enable_hashjoin = off');
    await client.query('SET LOCAL enable_mergejoin = off');
    const fields = await client.query<{ n: number; moved: number }>(
      `WITH u AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::jsonb[]) AS u(entity, entity_id, field, case_id, version, value)),
       s AS (UPDATE field_state f SET value = u.value FROM u
              WHERE ${CURRENT_PLAIN} AND f.entity = u.entity AND f.entity_id = u.entity_id AND f.field = u.field
                AND f.version = u.version AND f.case_id IS NOT DISTINCT FROM u.case_id
              RETURNING f.entity, f.entity_id, f.field, f.seq, f.value),
       l AS (UPDATE changes l SET value = s.value FROM s
              WHERE l.organisation_id = $1 AND l.seq = s.seq AND l.entity = s.entity AND l.entity_id = s.entity_id AND l.field = s.field),
       -- Every laptop opens a change row's value only under that row's mutation id: a value sealed
       -- under another would be stored and then refused everywhere (the statement sees the log as
       -- it was, and a mutation id is never changed here).
       m AS (SELECT 1 FROM s JOIN changes l ON l.organisation_id = $1 AND l.seq = s.seq AND l.entity = s.entity AND l.entity_id = s.entity_id AND l.field = s.field
              WHERE l.mutation_id IS NOT NULL AND l.mutation_id::text IS DISTINCT FROM s.value->>'mid')
       SELECT (SELECT count(*)::int FROM s) AS n, (SELECT count(*)::int FROM m) AS moved`,
      [
        org,
        f.map((x) => x.entity),
        f.map((x) => x.entityId),
        f.map((x) => x.field),
        f.map((x) => x.caseId),
        f.map((x) => x.version),
        f.map((x) => JSON.stringify(x.value)),
      ],
    );
    // Thrown inside the transaction, so nothing of the batch is kept.
    if (fields.rows[0]!.moved > 0) throw new ServiceError(400, 'bad_request', MOVED);
    let conflicts = 0;
    for (const c of req.conflicts) {
      const col = c.side === 'edit' ? 'edit_value' : 'kept_value';
      if (c.side === 'edit') {
        const other = await client.query(
          'SELECT 1 FROM conflicts WHERE organisation_id = $1 AND id = $2 AND edit_mutation_id::text <> $3',
          [org, c.conflictId, c.value.mid],
        );
        if (other.rowCount) throw new ServiceError(400, 'bad_request', MOVED);
      }
      const r = await client.query(
        `UPDATE conflicts c SET ${col} = $3::jsonb WHERE c.organisation_id = $1 AND c.id = $2 AND c.resolved_at IS NULL AND ${PLAIN(`c.${col}`)}`,
        [org, c.conflictId, JSON.stringify(c.value)],
      );
      conflicts += r.rowCount ?? 0;
      // The log's conflict row carries the kept side to laptops that catch up later.
      if (c.side === 'kept' && r.rowCount)
        await client.query(
          "UPDATE changes SET value = $3::jsonb WHERE organisation_id = $1 AND kind = 'conflict' AND conflict_id = $2",
          [org, c.conflictId, JSON.stringify(c.value)],
        );
    }
    const converted = fields.rows[0]!.n + conflicts;
    await client.query(
      'UPDATE organisations SET plaintext_rows_converted = plaintext_rows_converted + $2 WHERE id = $1',
      [org, converted],
    );
    return { v: PROTOCOL_VERSION, converted, skipped: f.length + req.conflicts.length - converted };
  });
}

/**
 * Removes every plain value the service still keeps in its history, but deleted_at: log rows of
 * older versions, acknowledgements that carried the current value, and both sides of resolved
 * conflicts. A log row a laptop may still need as the acknowledgement of its own change keeps its
 * mutation id and becomes `acked`, its value replaced by the push's outcome (applied, noop,
 * superseded, conflict) so a retried push is answered as before; laptops skip kinds they do not
 * use but acknowledge their own. One without a mutation id is removed. Current values still in the clear are left
 * (no word is dropped) and counted: the conversion is done when none is left. Safe to run again.
 */
export async function finishConversion(pool: Pool, who: DeviceIdentity, now: Date): Promise<FinishResponse> {
  managerOnly(who);
  const org = who.organisationId;
  return inOrgTransaction(pool, org, async (client) => {
    await mustBeDue(client, who);
    const history = `l.organisation_id = $1 AND l.field IS NOT NULL AND l.field <> 'deleted_at' AND l.entity <> ALL(${SERVICE_READ}) AND l.value IS NOT NULL AND ${PLAIN('l.value')}
      AND l.kind IN ('change', 'noop', 'superseded', 'conflict')
      AND NOT EXISTS (SELECT 1 FROM field_state f WHERE f.organisation_id = l.organisation_id AND f.seq = l.seq AND f.entity = l.entity AND f.entity_id = l.entity_id AND f.field = l.field)
      AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE l.kind = 'conflict' AND c.id = l.conflict_id AND c.resolved_at IS NULL AND c.reason <> 'wrong_case')`;
    const acked = await client.query(
      `UPDATE changes l SET kind = 'acked', value = to_jsonb(CASE WHEN l.kind = 'change' THEN 'applied' ELSE l.kind END) WHERE ${history} AND l.mutation_id IS NOT NULL`,
      [org],
    );
    const dropped = await client.query(`DELETE FROM changes l WHERE ${history} AND l.mutation_id IS NULL`, [org]);
    const sides = await client.query(
      `UPDATE conflicts c SET edit_value = CASE WHEN ${PLAIN('c.edit_value')} THEN 'null'::jsonb ELSE c.edit_value END,
                              kept_value = CASE WHEN ${PLAIN('c.kept_value')} THEN 'null'::jsonb ELSE c.kept_value END
        WHERE c.organisation_id = $1 AND c.field <> 'deleted_at' AND c.entity <> ALL(${SERVICE_READ}) AND (c.resolved_at IS NOT NULL OR c.reason = 'wrong_case')
          AND ((${PLAIN('c.edit_value')} AND c.edit_value <> 'null'::jsonb) OR (${PLAIN('c.kept_value')} AND c.kept_value <> 'null'::jsonb))`,
      [org],
    );
    const removed = (acked.rowCount ?? 0) + (dropped.rowCount ?? 0) + (sides.rowCount ?? 0);
    const left = await remainingPlain(client, org);
    await client.query(
      'UPDATE organisations SET plaintext_rows_removed = plaintext_rows_removed + $2, plaintext_converted_at = CASE WHEN $3 THEN $4::timestamptz END WHERE id = $1',
      [org, removed, left === 0, now],
    );
    await client.query(
      "INSERT INTO audit (organisation_id, user_id, device_id, action, status, detail) VALUES ($1, $2, $3, 'convert-plaintext', 200, $4)",
      [org, who.userId, who.deviceId, `removed ${removed} plain value(s); ${left} current value(s) still in the clear`],
    );
    const row = await conversionRow(client, org);
    return {
      v: PROTOCOL_VERSION,
      converted: Number(row.converted),
      removed: Number(row.removed),
      remaining: left,
      done: left === 0,
    };
  });
}
