import type { PoolClient } from 'pg';
import { uuidSchema, type OutgoingChange, type RefusalReason } from '../../shared/sync/protocol';
import { ALLOCATION_ENTITY, ALLOCATION_FIELD, ROSTER_ENTITY } from '../../shared/sync/team-protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { allocateLocked } from './allocate';

/**
 * A manager's allocation arrives as a pushed `case_allocation` record (shared/sync/team-protocol.ts).
 * The access model has already refused it from any device that is not a manager's; this checks
 * what it names, and once it is applied makes it the service's allocation in the same transaction.
 */
export interface AllocationFacts {
  people: Set<string>;
  known: Set<string>;
  erased: Set<string>;
  /** `advocate` records in the batch that are the service's own people (written only by the service). */
  roster: Set<string>;
}

const isAllocation = (c: OutgoingChange) => c.entity === ALLOCATION_ENTITY;
const isRoster = (c: OutgoingChange) => c.entity === ROSTER_ENTITY;
const asUuid = (v: unknown): string | null => (typeof v === 'string' && uuidSchema.safeParse(v).success ? v : null);

/** What the checks need, read only when the batch holds an allocation or a list entry (a push without one costs nothing more). */
export async function loadAllocationFacts(
  client: PoolClient,
  organisationId: string,
  changes: readonly OutgoingChange[],
): Promise<AllocationFacts | null> {
  const named = changes.filter(isAllocation);
  const listed = changes.filter(isRoster);
  if (!named.length && !listed.length) return null;
  const cases = [...new Set(named.map((c) => c.entityId))];
  const people = [...new Set(named.map((c) => asUuid(c.value)).filter((v): v is string => v !== null))];
  const rosterIds = [...new Set(listed.map((c) => asUuid(c.entityId)).filter((v): v is string => v !== null))];
  const r = await client.query<{ t: string; id: string }>(
    `SELECT 'p' AS t, id::text AS id FROM users WHERE organisation_id = $1 AND id = ANY($2::uuid[]) AND active AND role IN ('advocate', 'manager')
     UNION ALL SELECT 'k', case_id FROM case_origins WHERE organisation_id = $1 AND case_id = ANY($3::text[])
     UNION ALL SELECT 'k', case_id FROM allocations WHERE organisation_id = $1 AND case_id = ANY($3::text[])
     UNION ALL SELECT 'e', case_id FROM erased_cases WHERE organisation_id = $1 AND case_id = ANY($3::text[])
     UNION ALL SELECT 'r', id::text FROM users WHERE organisation_id = $1 AND id = ANY($4::uuid[])`,
    [organisationId, people, cases, rosterIds],
  );
  const facts: AllocationFacts = { people: new Set(), known: new Set(), erased: new Set(), roster: new Set() };
  const sets: Record<string, Set<string>> = { p: facts.people, k: facts.known, e: facts.erased, r: facts.roster };
  for (const row of r.rows) sets[row.t]!.add(row.id);
  return facts;
}

/**
 * Why an allocation (or an entry in the list of advocates) the access model allowed is still refused, or null. The case must be one the
 * service knows (or one this batch has just made) and not erased; the person must be an active
 * advocate or manager of this organisation. Only `user_id` may be written: an allocation is
 * changed by allocating again, never deleted.
 */
export function allocationRefusal(
  who: DeviceIdentity,
  c: OutgoingChange,
  facts: AllocationFacts | null,
  createdInBatch: ReadonlySet<string>,
): RefusalReason | null {
  // The service's people are the service's to describe: no laptop renames one, changes their
  // role in the list, or marks anyone as on the service.
  if (isRoster(c))
    return c.caseId !== null || c.field === 'service_status' || facts?.roster.has(c.entityId)
      ? 'organisation_record'
      : null;
  if (!isAllocation(c)) return null;
  // Checked here as well as by the access model, which lets a device write any record under a
  // case it holds: an allocation pushed under an advocate's own case must not pass as theirs.
  if (!facts || who.role === 'advocate' || c.caseId !== null || c.field !== ALLOCATION_FIELD)
    return 'organisation_record';
  if (facts.erased.has(c.entityId) || !(facts.known.has(c.entityId) || createdInBatch.has(c.entityId)))
    return 'not_held';
  if (typeof c.value !== 'string' || !facts.people.has(c.value)) return 'unknown_person';
  return null;
}

/** Makes each applied allocation the service's own, in push order (the last one for a case wins). */
export async function applyAllocations(
  client: PoolClient,
  who: DeviceIdentity,
  changes: readonly OutgoingChange[],
  now: Date,
): Promise<string[]> {
  const touched: string[] = [];
  for (const c of changes) {
    const r = await allocateLocked(client, who.organisationId, c.entityId, c.value as string, now, who.userId);
    if (r.changed) touched.push(c.entityId);
  }
  return touched;
}
