import type { PoolClient } from 'pg';
import { ORGANISATION_RECORD_KINDS, type OutgoingChange, type RefusalReason } from '../../shared/sync/protocol';
import type { DeviceIdentity } from '../auth/authenticate';

/**
 * Who may write what: the service's one authorisation model for pushed changes.
 *
 * - Every record belongs to the case it was first pushed under (or to none); a push never moves
 *   it. A change naming a record under any other case is refused.
 * - A case belongs to the advocate it is allocated to; managers (and admins) may write any case.
 * - A case id is given to the device that pushes it only while it is new to the service: an id
 *   the service has ever met (allocated, pushed by anyone, erased) is never handed out again.
 *   Each device may make `newCasesPerHour` new cases in an hour.
 * - A record without a case must be one of the organisation's own kinds, written by a manager.
 *
 * Every refusal is one reason code and nothing else: the same `not_held` whether the case is
 * someone else's, erased, or the record lives elsewhere, so a device learns nothing it may not see.
 */
export interface AccessLimits {
  newCasesPerHour: number;
}

export const DEFAULT_ACCESS_LIMITS: AccessLimits = { newCasesPerHour: 200 };

export type Decision =
  | { ok: true; newCase: boolean }
  /** `keepForHolder`: an advocate who once held the case; the edit is kept as a conflict for its holder to decide. */
  | { ok: false; reason: RefusalReason; keepForHolder: boolean };

interface CaseFacts {
  holder: string | null;
  known: boolean;
  erased: boolean;
  heldBefore: boolean;
}

export interface Access {
  decide(c: OutgoingChange, recordCase: string | null | undefined): Decision;
  /** Cases this batch made, to record (and, for an advocate, allocate) if the batch writes anything. */
  readonly created: Set<string>;
}

const HOUR_MS = 60 * 60 * 1000;
const ALLOWED_OLD: Decision = { ok: true, newCase: false };

export async function loadAccess(client: PoolClient, who: DeviceIdentity, changes: readonly OutgoingChange[], limits: AccessLimits, now: Date): Promise<Access> {
  const caseIds = [...new Set(changes.map((c) => c.caseId).filter((c): c is string => c !== null))];
  const facts = new Map<string, CaseFacts>();
  let madeThisHour = 0;
  if (caseIds.length) {
    // One round trip: each case's holder, whether the service has met it, whether it was erased,
    // whether this user ever held it, and how many new cases this device made in the last hour.
    const r = await client.query<{ id: string | null; holder: string | null; known: boolean; erased: boolean; held_before: boolean; made: number | null }>(
      `SELECT c.id,
              (SELECT a.user_id FROM allocations a WHERE a.organisation_id = $1 AND a.case_id = c.id) AS holder,
              EXISTS (SELECT 1 FROM case_origins o WHERE o.organisation_id = $1 AND o.case_id = c.id)
                OR EXISTS (SELECT 1 FROM allocations a WHERE a.organisation_id = $1 AND a.case_id = c.id) AS known,
              EXISTS (SELECT 1 FROM erased_cases e WHERE e.organisation_id = $1 AND e.case_id = c.id) AS erased,
              EXISTS (SELECT 1 FROM changes l WHERE l.organisation_id = $1 AND l.kind = 'allocation' AND l.case_id = c.id AND $2::uuid IN (l.from_user, l.to_user)) AS held_before,
              NULL::int AS made
         FROM unnest($3::text[]) AS c(id)
       UNION ALL
       SELECT NULL, NULL, false, false, false, count(*)::int FROM case_origins WHERE device_id = $4 AND created_at > $5`,
      [who.organisationId, who.userId, caseIds, who.deviceId, new Date(now.getTime() - HOUR_MS)],
    );
    for (const row of r.rows) {
      if (row.id === null) madeThisHour = row.made ?? 0;
      else facts.set(row.id, { holder: row.holder, known: row.known || row.erased, erased: row.erased, heldBefore: row.held_before });
    }
  }

  const manager = who.role !== 'advocate';
  const created = new Set<string>();
  const decided = new Map<string, Decision>();

  const decideCase = (caseId: string): Decision => {
    const f = facts.get(caseId)!;
    if (f.erased) return { ok: false, reason: 'not_held', keepForHolder: false };
    if (f.known) {
      if (manager || f.holder === who.userId) return ALLOWED_OLD;
      return { ok: false, reason: 'not_held', keepForHolder: f.heldBefore && f.holder !== null };
    }
    if (madeThisHour + created.size >= limits.newCasesPerHour) return { ok: false, reason: 'case_limit', keepForHolder: false };
    created.add(caseId);
    return { ok: true, newCase: true };
  };

  return {
    created,
    decide(c, recordCase) {
      // Checked before the record's case, so the answer to a device that may not write records
      // without a case never depends on whether the record exists.
      if (c.caseId === null && !(manager && ORGANISATION_RECORD_KINDS.includes(c.entity))) return { ok: false, reason: 'organisation_record', keepForHolder: false };
      // A record already on the service stays where it is: under its case, or under none.
      if (recordCase !== undefined && recordCase !== c.caseId) return { ok: false, reason: 'not_held', keepForHolder: false };
      if (c.caseId === null) return ALLOWED_OLD;
      let d = decided.get(c.caseId);
      if (!d) {
        d = decideCase(c.caseId);
        decided.set(c.caseId, d);
      }
      return d;
    },
  };
}

/** Records the cases a push made; an advocate's new case is allocated to them. */
export async function recordNewCases(client: PoolClient, who: DeviceIdentity, created: ReadonlySet<string>, now: Date): Promise<void> {
  if (!created.size) return;
  const ids = [...created];
  await client.query(
    `WITH o AS (INSERT INTO case_origins (organisation_id, case_id, device_id, created_at) SELECT $1, c, $2, $3 FROM unnest($4::text[]) AS c)
     INSERT INTO allocations (organisation_id, case_id, user_id, allocated_at) SELECT $1, c, $5, $3 FROM unnest($4::text[]) AS c WHERE $6`,
    [who.organisationId, who.deviceId, now, ids, who.userId, who.role === 'advocate'],
  );
}
