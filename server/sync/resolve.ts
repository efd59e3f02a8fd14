import type { PoolClient } from 'pg';
import type { Resolution } from '../../shared/sync/protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import type { ChangeRow } from './change-rows';

/**
 * Marks conflicts resolved and logs a `resolved` row so every device holding the case stops
 * showing them. Resolving twice, a conflict of another organisation, or (from an advocate's
 * device) one of a case they do not hold or of an organisation record, changes nothing.
 */
export async function resolveConflicts(
  client: PoolClient,
  who: DeviceIdentity,
  resolutions: readonly Resolution[],
  now: Date,
): Promise<{ rows: Omit<ChangeRow, 'seq'>[] }> {
  if (!resolutions.length) return { rows: [] };
  const ids = [...new Set(resolutions.map((r) => r.conflictId))];
  const r = await client.query<{
    id: string;
    case_id: string | null;
    entity: string;
    entity_id: string;
    field: string;
  }>(
    `SELECT c.id, c.case_id, c.entity, c.entity_id, c.field FROM conflicts c
       LEFT JOIN allocations a ON a.organisation_id = c.organisation_id AND a.case_id = c.case_id
      WHERE c.organisation_id = $1 AND c.id = ANY($2::uuid[]) AND c.resolved_at IS NULL
        AND ($3 <> 'advocate' OR a.user_id = $4)
      FOR UPDATE OF c`,
    [who.organisationId, ids, who.role, who.userId],
  );
  const choice = new Map(resolutions.map((x) => [x.conflictId, x.choice]));
  const rows: Omit<ChangeRow, 'seq'>[] = [];
  for (const c of r.rows) {
    await client.query('UPDATE conflicts SET resolved_at = $2, resolved_by = $3, resolution = $4 WHERE id = $1', [
      c.id,
      now,
      who.userId,
      choice.get(c.id),
    ]);
    rows.push({
      kind: 'resolved',
      mutationId: null,
      entity: c.entity,
      entityId: c.entity_id,
      caseId: c.case_id,
      field: c.field,
      value: choice.get(c.id) ?? null,
      version: null,
      userId: who.userId,
      deviceId: who.deviceId,
      hlc: null,
      conflictId: c.id,
      fromUser: null,
      toUser: null,
    });
  }
  return { rows };
}
