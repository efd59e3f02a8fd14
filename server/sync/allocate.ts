import type { Pool, PoolClient } from 'pg';
import { inTransaction, lockOrganisation, reserveSeqs } from '../db/tx';
import { insertChanges } from './change-rows';

/** Why a case could not be given to someone; the service's own callers turn it into words. */
export class AllocationRefused extends Error {
  constructor(readonly reason: 'unknown_person') {
    super('That person is not an active advocate or manager of this organisation.');
    this.name = 'AllocationRefused';
  }
}

/**
 * Gives a case to an advocate. The allocation is a row in the change log, so both sides hear it
 * in order with everything else: the new holder's devices receive the whole case at that point,
 * the old holder's devices are told to purge it.
 */
export async function allocateCase(
  pool: Pool,
  organisationId: string,
  caseId: string,
  userId: string,
  now: Date,
): Promise<{ from: string | null; changed: boolean }> {
  return inTransaction(pool, async (client) => {
    await lockOrganisation(client, organisationId);
    return allocateLocked(client, organisationId, caseId, userId, now, null);
  });
}

/**
 * The allocation itself, for a caller already holding the organisation's lock (a push that
 * carries a manager's allocation, or `allocateCase`). Only an active advocate or manager of the
 * organisation may hold a case: a closed account's laptops are refused, so a case given to it
 * would reach nobody.
 */
export async function allocateLocked(
  client: PoolClient,
  organisationId: string,
  caseId: string,
  userId: string,
  now: Date,
  byUser: string | null,
): Promise<{ from: string | null; changed: boolean }> {
  const u = await client.query(
    "SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2 AND active AND role IN ('advocate', 'manager')",
    [userId, organisationId],
  );
  if (!u.rowCount) throw new AllocationRefused('unknown_person');
  const cur = await client.query<{ user_id: string }>(
    'SELECT user_id FROM allocations WHERE organisation_id = $1 AND case_id = $2 FOR UPDATE',
    [organisationId, caseId],
  );
  const from = cur.rows[0]?.user_id ?? null;
  if (from === userId) return { from, changed: false };
  await client.query(
    `INSERT INTO allocations (organisation_id, case_id, user_id, allocated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id, case_id) DO UPDATE SET user_id = EXCLUDED.user_id, allocated_at = EXCLUDED.allocated_at`,
    [organisationId, caseId, userId, now],
  );
  const seq = await reserveSeqs(client, organisationId, 1);
  await insertChanges(client, organisationId, [
    {
      seq,
      kind: 'allocation',
      mutationId: null,
      entity: null,
      entityId: null,
      caseId,
      field: null,
      value: null,
      version: null,
      userId: byUser,
      deviceId: null,
      hlc: null,
      conflictId: null,
      fromUser: from,
      toUser: userId,
    },
  ]);
  // The audit row names who allocated (a manager, or null for the admin command line) and the new holder in its detail.
  await client.query(
    "INSERT INTO audit (organisation_id, user_id, action, case_id, detail) VALUES ($1, $2, 'allocate', $3, $4)",
    [organisationId, byUser ?? userId, caseId, `${from ? 'reallocated' : 'allocated'} to ${userId}`],
  );
  return { from, changed: true };
}
