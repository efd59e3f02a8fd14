import type { Pool, PoolClient } from 'pg';
import { ORGANISATION_RECORD_KINDS, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { ConversionStatus, PendingRequest, PendingResponse } from '../../shared/sync/offservice';
import type { DeviceIdentity } from '../auth/authenticate';
import { ServiceError } from '../errors';

/*
 * Converting a service that held values from before encryption (docs/e2e.md, Converting). The
 * first manager's laptop to sync with the key asks what is still in the clear (places only),
 * seals each value it holds and sends it back to replace the plain one at the same version
 * (convert-reseal.ts), so nothing is bumped, no conflict is made and laptops that hold the value
 * are not sent it again. Then `finish` (convert-finish.ts) removes every plain value left in the
 * history. Until then the service works as before for every laptop.
 */

/** A value is in the clear unless it is an envelope; deleted_at is always plain and stays so. */
export const PLAIN = (col: string) => `NOT (jsonb_typeof(${col}) = 'object' AND ${col} ? '$e2e')`;

/**
 * The organisation's own records (its people, its allocations) stay readable by the service,
 * which writes and reads them (server/team, allocation-push.ts): they are not a child's record.
 * The kinds are the protocol's constants (lower-case names), so they are written into the SQL.
 */
export const SERVICE_READ = `ARRAY[${ORGANISATION_RECORD_KINDS.map((k) => `'${k.replace(/[^a-z_]/g, '')}'`).join(', ')}]::text[]`;

/** Current fields still in the clear. */
export const CURRENT_PLAIN = `f.organisation_id = $1 AND f.field <> 'deleted_at' AND f.entity <> ALL(${SERVICE_READ}) AND ${PLAIN('f.value')}`;
/** Open conflicts a laptop holds (a wrong-case one reaches no laptop, so `finish` clears it instead). */
export const OPEN_CONFLICT = `c.organisation_id = $1 AND c.resolved_at IS NULL AND c.reason <> 'wrong_case' AND c.field <> 'deleted_at' AND c.entity <> ALL(${SERVICE_READ})`;

export async function conversionRow(db: Pool | PoolClient, org: string) {
  const r = await db.query<{ keyed: boolean; converted_at: Date | null; converted: string; removed: string }>(
    `SELECT EXISTS (SELECT 1 FROM key_epochs k WHERE k.organisation_id = o.id) AS keyed, plaintext_converted_at AS converted_at,
            plaintext_rows_converted::text AS converted, plaintext_rows_removed::text AS removed
       FROM organisations o WHERE id = $1`,
    [org],
  );
  return r.rows[0]!;
}

export function managerOnly(who: DeviceIdentity): void {
  if (who.role === 'advocate')
    throw new ServiceError(403, 'forbidden', 'Only a manager’s laptop converts the service’s records.');
}

export async function mustBeDue(db: Pool | PoolClient, who: DeviceIdentity): Promise<void> {
  const row = await conversionRow(db, who.organisationId);
  // Sealing needs a key; after the conversion nothing may replace a value without a new version.
  if (!row.keyed || row.converted_at)
    throw new ServiceError(400, 'bad_request', 'The service has nothing to convert. Nothing was changed.');
}

export async function conversionStatus(pool: Pool, who: DeviceIdentity): Promise<ConversionStatus> {
  managerOnly(who);
  const row = await conversionRow(pool, who.organisationId);
  return {
    v: PROTOCOL_VERSION,
    due: row.keyed && !row.converted_at,
    converted: Number(row.converted),
    removed: Number(row.removed),
  };
}

/** Plain current values and plain sides of open conflicts. */
export async function remainingPlain(db: Pool | PoolClient, org: string): Promise<number> {
  const r = await db.query<{ n: string }>(
    `SELECT ((SELECT count(*) FROM field_state f WHERE ${CURRENT_PLAIN})
           + (SELECT count(*) FILTER (WHERE ${PLAIN('c.edit_value')}) + count(*) FILTER (WHERE ${PLAIN('c.kept_value')}) FROM conflicts c WHERE ${OPEN_CONFLICT}))::text AS n`,
    [org],
  );
  return Number(r.rows[0]!.n);
}

type Row = {
  entity: string;
  entity_id: string;
  field: string;
  case_id: string | null;
  version: string;
  mutation_id: string | null;
};

/**
 * One page of the places still in the clear: current fields in key order, then the sides of open
 * conflicts by id. With each, the mutation that wrote the value where the log still names it.
 */
export async function pendingPage(pool: Pool, who: DeviceIdentity, req: PendingRequest): Promise<PendingResponse> {
  managerOnly(who);
  await mustBeDue(pool, who);
  const org = who.organisationId;
  const items: PendingResponse['items'] = [];
  const counted =
    req.afterField === null && req.afterConflict === null ? { remaining: await remainingPlain(pool, org) } : {};
  let lastField = req.afterField;
  if (req.afterConflict === null) {
    const a = req.afterField;
    const r = await pool.query<Row>(
      `SELECT f.entity, f.entity_id, f.field, f.case_id, f.version::text AS version, l.mutation_id::text AS mutation_id
         FROM field_state f
         LEFT JOIN changes l ON l.organisation_id = f.organisation_id AND l.seq = f.seq AND l.entity = f.entity AND l.entity_id = f.entity_id AND l.field = f.field
        WHERE ${CURRENT_PLAIN} AND ($2::text IS NULL OR (f.entity, f.entity_id, f.field) > ($2::text, $3::text, $4::text))
        ORDER BY f.entity, f.entity_id, f.field LIMIT $5`,
      [org, a?.entity ?? null, a?.entityId ?? null, a?.field ?? null, req.limit],
    );
    for (const f of r.rows)
      items.push({
        kind: 'field',
        entity: f.entity,
        entityId: f.entity_id,
        field: f.field,
        caseId: f.case_id,
        version: Number(f.version),
        mutationId: f.mutation_id,
      });
    const last = r.rows[r.rows.length - 1];
    if (last) lastField = { entity: last.entity, entityId: last.entity_id, field: last.field };
    if (r.rows.length === req.limit)
      return { v: PROTOCOL_VERSION, items, next: { afterField: lastField, afterConflict: null }, ...counted };
  }
  // Conflicts get a page of their own size (two sides each, so at least two rows to make progress).
  const room = Math.max(2, req.limit);
  const c = await pool.query<Row & { id: string; side: 'edit' | 'kept' }>(
    `SELECT c.id::text AS id, s.side, c.entity, c.entity_id, c.field, c.case_id, c.kept_version::text AS version,
            CASE WHEN s.side = 'edit' THEN c.edit_mutation_id::text ELSE k.mutation_id::text END AS mutation_id
       FROM conflicts c
       CROSS JOIN LATERAL (VALUES ('edit', c.edit_value), ('kept', c.kept_value)) AS s(side, value)
       LEFT JOIN LATERAL (SELECT mutation_id FROM changes l WHERE l.organisation_id = c.organisation_id AND l.kind = 'change' AND l.entity = c.entity
                            AND l.entity_id = c.entity_id AND l.field = c.field AND l.version = c.kept_version ORDER BY l.seq DESC LIMIT 1) k ON true
      WHERE ${OPEN_CONFLICT} AND ${PLAIN('s.value')} AND ($2::uuid IS NULL OR c.id > $2::uuid)
      ORDER BY c.id, s.side LIMIT $3`,
    [org, req.afterConflict, room],
  );
  for (const x of c.rows) {
    items.push({
      kind: 'conflict',
      conflictId: x.id,
      side: x.side,
      entity: x.entity,
      entityId: x.entity_id,
      field: x.field,
      caseId: x.case_id,
      version: Number(x.version),
      mutationId: x.mutation_id,
    });
  }
  // A conflict's two sides come together, so a page cut between them lists the rest again.
  const full = c.rows.length === room;
  const lastConflict = full
    ? c.rows.at(-1)!.side === 'kept'
      ? c.rows.at(-1)!.id
      : (c.rows.at(-2)?.id ?? req.afterConflict)
    : null;
  const next = full
    ? { afterField: lastField, afterConflict: lastConflict ?? '00000000-0000-0000-0000-000000000000' }
    : null;
  return { v: PROTOCOL_VERSION, items, next, ...counted };
}
