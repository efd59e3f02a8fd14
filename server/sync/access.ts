import { ORGANISATION_RECORD_KINDS, type OutgoingChange, type RefusalReason } from '../../shared/sync/protocol';
import type { PoolClient } from 'pg';
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
  /** How long after a case is taken from an advocate their edits to it are still kept for its holder. */
  formerHolderDays: number;
  /** How many such edits one device may leave for holders in a day; beyond it they are refused only. */
  formerHolderEditsPerDay: number;
  /** Cases one organisation may erase from the service in any 24 hours (sync/erase-guard.ts). */
  eraseCasesPerDay: number;
}

export const DEFAULT_ACCESS_LIMITS: AccessLimits = {
  newCasesPerHour: 200,
  formerHolderDays: 14,
  formerHolderEditsPerDay: 100,
  eraseCasesPerDay: 50,
};

export type Decision =
  | { ok: true; newCase: boolean }
  /**
   * `keepForHolder`: an advocate the case was taken from in the last `formerHolderDays`; an edit
   * of theirs is kept as a conflict for the holder to decide (up to `formerHolderEditsPerDay` a
   * device, see formerHolderBudget), after which it is refused only.
   */
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
const DAY_MS = 24 * HOUR_MS;
const ALLOWED_OLD: Decision = { ok: true, newCase: false };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The facts access needs, as arms of the push's one state lookup (so a push costs no extra round
 * trip): per case named, its holder (`user_id`) and flags in `field` (k: the service knows the id,
 * e: erased, h: it was taken from this user since $9), and the device's new cases this hour (`version`).
 * Parameters: $1 organisation, $5 user, $6 case ids, $7 device, $8 an hour ago, $9 the former-holder cutoff.
 */
export const CASE_FACTS_SQL = `
       SELECT 'c', NULL, NULL,
              CASE WHEN EXISTS (SELECT 1 FROM case_origins o WHERE o.organisation_id = $1 AND o.case_id = c.id) OR a.user_id IS NOT NULL THEN 'k' ELSE '' END
              || CASE WHEN EXISTS (SELECT 1 FROM erased_cases e WHERE e.organisation_id = $1 AND e.case_id = c.id) THEN 'ke' ELSE '' END
              || CASE WHEN EXISTS (SELECT 1 FROM changes l WHERE l.organisation_id = $1 AND l.kind = 'allocation' AND l.case_id = c.id AND l.from_user = $5::uuid AND l.created_at > $9) THEN 'h' ELSE '' END,
              NULL, NULL, a.user_id, NULL, NULL, c.id
         FROM unnest($6::text[]) AS c(id) LEFT JOIN allocations a ON a.organisation_id = $1 AND a.case_id = c.id
       UNION ALL
       SELECT 'n', NULL, NULL, NULL, NULL, count(*)::text, NULL, NULL, NULL, NULL FROM case_origins WHERE device_id = $7 AND created_at > $8`;

export function caseFactsParams(
  who: DeviceIdentity,
  changes: readonly OutgoingChange[],
  now: Date,
  limits: AccessLimits,
): unknown[] {
  const cutoff = new Date(now.getTime() - limits.formerHolderDays * DAY_MS);
  return [
    who.userId,
    [...new Set(changes.map((c) => c.caseId).filter((c): c is string => c !== null))],
    who.deviceId,
    new Date(now.getTime() - HOUR_MS),
    cutoff,
  ];
}

/**
 * How many more edits from a former holder this device may leave for a case's holder today. Read
 * only when a push has such an edit, so an ordinary push pays nothing for it.
 */
export async function formerHolderBudget(
  client: PoolClient,
  who: DeviceIdentity,
  now: Date,
  limits: AccessLimits,
): Promise<number> {
  const r = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM conflicts WHERE edit_device = $2 AND reason = 'not_allocated' AND created_at > $3 AND organisation_id = $1",
    [who.organisationId, who.deviceId, new Date(now.getTime() - DAY_MS)],
  );
  return Math.max(0, limits.formerHolderEditsPerDay - (r.rows[0]?.n ?? 0));
}

/** Collects a CASE_FACTS_SQL row; returns false for rows that are not its own. */
export function readCaseFact(
  facts: CaseFactsRead,
  row: { t: string; field: string | null; version: string | null; user_id: string | null; case_id: string | null },
): boolean {
  if (row.t === 'n') {
    facts.madeThisHour = Number(row.version ?? 0);
    return true;
  }
  if (row.t !== 'c') return false;
  const flags = row.field ?? '';
  facts.cases.set(row.case_id!, {
    holder: row.user_id,
    known: flags.includes('k'),
    erased: flags.includes('e'),
    heldBefore: flags.includes('h'),
  });
  return true;
}

export interface CaseFactsRead {
  cases: Map<string, CaseFacts>;
  madeThisHour: number;
}

export function accessFor(who: DeviceIdentity, read: CaseFactsRead, limits: AccessLimits): Access {
  const facts = read.cases;
  const madeThisHour = read.madeThisHour;
  const manager = who.role !== 'advocate';
  const created = new Set<string>();
  const decided = new Map<string, Decision>();

  const decideCase = (caseId: string): Decision => {
    const f = facts.get(caseId)!;
    if (!f.erased && f.known && (manager || f.holder === who.userId)) return ALLOWED_OLD;
    // Over the hourly cap every case this device may not write gets the same answer, known or
    // not: otherwise the cap would tell an id the service knows from one it has never met.
    if (madeThisHour + created.size >= limits.newCasesPerHour)
      return { ok: false, reason: 'case_limit', keepForHolder: false };
    if (f.erased) return { ok: false, reason: 'not_held', keepForHolder: false };
    if (f.known) return { ok: false, reason: 'not_held', keepForHolder: f.heldBefore && f.holder !== null };
    // New cases get random UUIDs, so no one can claim an id another laptop will make; the laptop
    // recovers from this refusal as from a taken id (a new id, the same reference).
    if (!UUID.test(caseId)) return { ok: false, reason: 'not_held', keepForHolder: false };
    created.add(caseId);
    return { ok: true, newCase: true };
  };

  return {
    created,
    decide(c, recordCase) {
      // Checked before the record's case, so the answer to a device that may not write records
      // without a case never depends on whether the record exists.
      if (c.caseId === null && !(manager && ORGANISATION_RECORD_KINDS.includes(c.entity)))
        return { ok: false, reason: 'organisation_record', keepForHolder: false };
      // A record already on the service stays where it is: under its case, or under none.
      if (recordCase !== undefined && recordCase !== c.caseId)
        return { ok: false, reason: 'not_held', keepForHolder: false };
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
