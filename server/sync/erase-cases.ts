import type { Pool, PoolClient } from 'pg';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { EraseRequest, EraseResponse } from '../../shared/sync/offservice';
import type { DeviceIdentity } from '../auth/authenticate';
import { inOrgTransaction, reserveSeqs } from '../db/tx';
import { ServiceError } from '../errors';
import { insertChanges } from './change-rows';
import { checkMayErase, DEFAULT_ERASE_CASES_PER_DAY, ERASED_ON_REVIEW } from './erase-guard';

/** The same words whichever case was wrong, so a device learns nothing about ids it does not hold. */
const NOT_KNOWN =
  'The service does not hold one or more of these cases (or a record to keep), so nothing was erased. Sync, then review the cases again.';

/**
 * Erases cases a manager's laptop found due at the end of their retention period. The laptop
 * decided, from the records it holds; the service reads no value: it checks only that the device
 * is a manager's holding the current key, that every id is a case of this organisation and that
 * the organisation's daily allowance (erase-guard.ts) is not spent, then removes every logged change,
 * field, conflict and allocation of each case, keeps its id in `erased_cases` so a late edit
 * cannot bring it back, and logs an `erased` row for each advocate who has held it, so every
 * laptop holding it erases its copy. Records the laptop names in `keep` (a young person another
 * case still needs) move to that case instead. Idempotent: a case already erased is counted, not
 * refused, so a retry after a lost answer succeeds.
 */
export async function eraseCases(
  pool: Pool,
  who: DeviceIdentity,
  req: EraseRequest,
  now: Date,
  perDay = DEFAULT_ERASE_CASES_PER_DAY,
): Promise<{ body: EraseResponse; cases: string[] }> {
  if (who.role === 'advocate')
    throw new ServiceError(
      403,
      'forbidden',
      'Only a manager’s laptop can erase cases at the end of their retention period.',
    );
  const org = who.organisationId;
  const named = [...new Set(req.caseIds)];
  return inOrgTransaction(pool, org, async (client) => {
    const gone = new Set(
      (
        await client.query<{ case_id: string }>(
          'SELECT case_id FROM erased_cases WHERE organisation_id = $1 AND case_id = ANY($2::text[])',
          [org, named],
        )
      ).rows.map((r) => r.case_id),
    );
    const cases = named.filter((c) => !gone.has(c));
    await checkMayErase(client, who, cases.length, now, perDay);
    const known = await knownCases(client, org, [...cases, ...req.keep.map((k) => k.toCase)]);
    if (cases.some((c) => !known.has(c))) throw new ServiceError(400, 'bad_request', NOT_KNOWN);
    await moveKept(client, org, cases, req.keep, known);
    const notices = await holders(client, org, cases);
    let rowsRemoved = 0;
    for (const table of ['changes', 'field_state', 'conflicts', 'allocations']) {
      const r = await client.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND case_id = ANY($2::text[])`, [
        org,
        cases,
      ]);
      rowsRemoved += r.rowCount ?? 0;
    }
    await client.query(
      'INSERT INTO erased_cases (organisation_id, case_id, erased_at, rule) SELECT $1, c, $3, $4 FROM unnest($2::text[]) AS c',
      [org, cases, now, ERASED_ON_REVIEW],
    );
    const first = await reserveSeqs(client, org, notices.length);
    await insertChanges(
      client,
      org,
      notices.map((n, i) => ({
        seq: first + i,
        kind: 'erased',
        mutationId: null,
        entity: null,
        entityId: null,
        caseId: n.caseId,
        field: null,
        value: null,
        version: null,
        userId: null,
        deviceId: null,
        hlc: null,
        conflictId: null,
        fromUser: null,
        toUser: n.toUser,
      })),
    );
    await client.query(
      "INSERT INTO audit (organisation_id, user_id, device_id, action, case_id, status, detail) SELECT $1, $2, $3, 'erase-case', c, 200, 'retention ended (reviewed on a manager''s laptop)' FROM unnest($4::text[]) AS c",
      [org, who.userId, who.deviceId, cases],
    );
    return { body: { v: PROTOCOL_VERSION, erased: cases.length, alreadyErased: gone.size, rowsRemoved }, cases: named };
  });
}

/** Case ids of this organisation the service has met and not erased. */
async function knownCases(client: PoolClient, org: string, ids: string[]): Promise<Set<string>> {
  const r = await client.query<{ case_id: string }>(
    `SELECT x AS case_id FROM unnest($2::text[]) AS x
      WHERE NOT EXISTS (SELECT 1 FROM erased_cases e WHERE e.organisation_id = $1 AND e.case_id = x)
        AND (EXISTS (SELECT 1 FROM case_origins o WHERE o.organisation_id = $1 AND o.case_id = x)
          OR EXISTS (SELECT 1 FROM allocations a WHERE a.organisation_id = $1 AND a.case_id = x)
          OR EXISTS (SELECT 1 FROM field_state f WHERE f.organisation_id = $1 AND f.case_id = x))`,
    [org, ids],
  );
  return new Set(r.rows.map((row) => row.case_id));
}

/**
 * Moves each kept record (fields, log rows, open conflicts) to the case that still needs it. Each
 * must be a record of a case being erased, going to a case that stays; anything else refuses the
 * whole request.
 */
async function moveKept(
  client: PoolClient,
  org: string,
  cases: string[],
  keep: EraseRequest['keep'],
  known: Set<string>,
): Promise<void> {
  if (!keep.length) return;
  const erasing = new Set(cases);
  if (keep.some((k) => erasing.has(k.toCase) || !known.has(k.toCase)))
    throw new ServiceError(400, 'bad_request', NOT_KNOWN);
  const r = await client.query<{ n: number }>(
    `SELECT count(DISTINCT (k.entity, k.entity_id))::int AS n FROM unnest($2::text[], $3::text[]) AS k(entity, entity_id)
       JOIN field_state f ON f.organisation_id = $1 AND f.entity = k.entity AND f.entity_id = k.entity_id AND f.case_id = ANY($4::text[])`,
    [org, keep.map((k) => k.entity), keep.map((k) => k.entityId), cases],
  );
  if (r.rows[0]!.n !== new Set(keep.map((k) => `${k.entity}\u0000${k.entityId}`)).size)
    throw new ServiceError(400, 'bad_request', NOT_KNOWN);
  for (const table of ['field_state', 'changes', 'conflicts']) {
    await client.query(
      `UPDATE ${table} t SET case_id = k.to_case FROM unnest($2::text[], $3::text[], $4::text[]) AS k(entity, entity_id, to_case)
        WHERE t.organisation_id = $1 AND t.entity = k.entity AND t.entity_id = k.entity_id`,
      [org, keep.map((k) => k.entity), keep.map((k) => k.entityId), keep.map((k) => k.toCase)],
    );
  }
}

/**
 * Who is told: everyone who has held each case, the current advocate and earlier ones whose
 * laptops may not have heard of a reallocation yet; with none, managers' laptops alone (null).
 */
async function holders(
  client: PoolClient,
  org: string,
  cases: string[],
): Promise<{ caseId: string; toUser: string | null }[]> {
  const held = await client.query<{ case_id: string; user_id: string }>(
    `SELECT case_id, user_id FROM allocations WHERE organisation_id = $1 AND case_id = ANY($2::text[])
     UNION
     SELECT l.case_id, u.user_id FROM changes l CROSS JOIN LATERAL (VALUES (l.from_user), (l.to_user)) AS u(user_id)
      WHERE l.organisation_id = $1 AND l.kind = 'allocation' AND l.case_id = ANY($2::text[]) AND u.user_id IS NOT NULL
     ORDER BY 1, 2`,
    [org, cases],
  );
  return cases.flatMap((caseId) => {
    const users = held.rows.filter((r) => r.case_id === caseId).map((r) => r.user_id);
    return (users.length ? users : [null]).map((toUser) => ({ caseId, toUser }));
  });
}
