import type { PoolClient } from 'pg';
import { ROSTER_ENTITY, type ServiceStatus } from '../../shared/sync/team-protocol';
import { reserveSeqs } from '../db/tx';
import { insertChanges, type ChangeRow } from '../sync/change-rows';
import { jsonEqual } from '../sync/json-equal';

export interface RosterPerson {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

/**
 * Writes a person's `advocate` organisation record into the change log, so every laptop of the
 * organisation has the service's people as its list of advocates (docs: shared/sync/team-protocol.ts).
 * Only fields whose value changed are logged, each at its next version, as a push would.
 * Admins run the service and are not allocated cases, so they are not on the list. The caller
 * holds the organisation's lock.
 */
export async function writeRosterRecord(
  client: PoolClient,
  organisationId: string,
  person: RosterPerson,
): Promise<void> {
  if (person.role !== 'advocate' && person.role !== 'manager') return;
  const status: ServiceStatus = person.active ? 'active' : 'inactive';
  const wanted: Record<string, unknown> = { name: person.name, role: person.role, service_status: status };
  const cur = await client.query<{ field: string; value: unknown; version: string }>(
    'SELECT field, value, version::text AS version FROM field_state WHERE organisation_id = $1 AND entity = $2 AND entity_id = $3',
    [organisationId, ROSTER_ENTITY, person.id],
  );
  const held = new Map(cur.rows.map((r) => [r.field, r]));
  const changed = Object.entries(wanted).filter(
    ([field, value]) => !held.has(field) || !jsonEqual(held.get(field)!.value, value),
  );
  if (!changed.length) return;
  const first = await reserveSeqs(client, organisationId, changed.length);
  const rows: ChangeRow[] = changed.map(([field, value], i) => ({
    seq: first + i,
    kind: 'change',
    mutationId: null,
    entity: ROSTER_ENTITY,
    entityId: person.id,
    caseId: null,
    field,
    value,
    version: Number(held.get(field)?.version ?? 0) + 1,
    userId: null,
    deviceId: null,
    hlc: null,
    conflictId: null,
    fromUser: null,
    toUser: null,
  }));
  await insertChanges(client, organisationId, rows);
  for (const r of rows) {
    await client.query(
      `INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, user_id, device_id, hlc, seq)
       VALUES ($1, $2, $3, $4, NULL, $5::jsonb, $6, NULL, NULL, NULL, $7)
       ON CONFLICT (organisation_id, entity, entity_id, field) DO UPDATE SET value = EXCLUDED.value, version = EXCLUDED.version, user_id = NULL, device_id = NULL, hlc = NULL, seq = EXCLUDED.seq`,
      [organisationId, ROSTER_ENTITY, person.id, r.field, JSON.stringify(r.value), r.version, r.seq],
    );
  }
}
