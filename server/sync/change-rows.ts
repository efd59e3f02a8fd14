import type { PoolClient } from 'pg';
import { canonicalJson } from './json-equal';

/** One row of the change log (see the `changes` table). */
export interface ChangeRow {
  seq: number;
  kind: string;
  mutationId: string | null;
  entity: string | null;
  entityId: string | null;
  caseId: string | null;
  field: string | null;
  value: unknown;
  version: number | null;
  userId: string | null;
  deviceId: string | null;
  hlc: string | null;
  conflictId: string | null;
  fromUser: string | null;
  toUser: string | null;
}

/** One multi-row INSERT per batch: the per-row cost is what limits push throughput. */
export async function insertChanges(client: PoolClient, org: string, rows: readonly ChangeRow[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof ChangeRow>(k: K) => rows.map((r) => r[k]);
  await client.query(
    `INSERT INTO changes (organisation_id, seq, kind, mutation_id, entity, entity_id, case_id, field, value, version, user_id, device_id, hlc, conflict_id, from_user, to_user)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::bigint[], $11::uuid[], $12::uuid[], $13::text[], $14::uuid[], $15::uuid[], $16::uuid[])`,
    [
      org,
      col('seq'),
      col('kind'),
      col('mutationId'),
      col('entity'),
      col('entityId'),
      col('caseId'),
      col('field'),
      rows.map((r) => (r.value === undefined ? null : canonicalJson(r.value))),
      col('version'),
      col('userId'),
      col('deviceId'),
      col('hlc'),
      col('conflictId'),
      col('fromUser'),
      col('toUser'),
    ],
  );
}
