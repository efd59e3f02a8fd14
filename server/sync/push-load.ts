import type { PoolClient } from 'pg';
import type { OutgoingChange, PushOutcome, RefusalReason } from '../../shared/sync/protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { CASE_FACTS_SQL, caseFactsParams, readCaseFact, type AccessLimits, type CaseFactsRead } from './access';

/** A field as the service holds it before a push is applied. */
export interface FieldState {
  value: unknown;
  version: number;
  userId: string | null;
  deviceId: string | null;
  hlc: string | null;
  caseId: string | null;
}

export const key = (entity: string, id: string, field?: string) =>
  field === undefined ? `${entity}\u0000${id}` : `${entity}\u0000${id}\u0000${field}`;

/**
 * Everything a push decides on, read in one round trip under the organisation's lock: mutations
 * seen before, the current state of every record in the batch, the case facts the access model
 * needs and the organisation's key epochs.
 */
export async function loadSeenAndState(
  client: PoolClient,
  who: DeviceIdentity,
  changes: readonly OutgoingChange[],
  now: Date,
  limits: AccessLimits,
) {
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
    const r = await client.query<{
      t: string;
      entity: string;
      entity_id: string;
      field: string;
      value: unknown;
      version: string;
      user_id: string | null;
      device_id: string | null;
      hlc: string | null;
      case_id: string | null;
    }>(
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
      [
        org,
        pairs.map((c) => c.entity),
        pairs.map((c) => c.entityId),
        changes.map((c) => c.mutationId),
        ...caseFactsParams(who, changes, now, limits),
      ],
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
        const outcome =
          row.field === 'change'
            ? 'applied'
            : row.field === 'acked'
              ? (row.value as PushOutcome)
              : (row.field as PushOutcome);
        seen.set(row.entity_id, outcome === 'refused' ? { outcome, reason: row.value as RefusalReason } : { outcome });
        continue;
      }
      fields.set(key(row.entity, row.entity_id, row.field), {
        value: row.value,
        version: Number(row.version),
        userId: row.user_id,
        deviceId: row.device_id,
        hlc: row.hlc,
        caseId: row.case_id,
      });
      entityCase.set(key(row.entity, row.entity_id), row.case_id);
    }
  }
  return { seen, taken, state: { fields, entityCase }, facts, epochs };
}
