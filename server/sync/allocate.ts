import type { Pool } from 'pg';
import { inTransaction, lockOrganisation, reserveSeqs } from '../db/tx';
import { insertChanges } from './change-rows';

/**
 * Gives a case to an advocate. The allocation is a row in the change log, so both sides hear it
 * in order with everything else: the new holder's devices receive the whole case at that point,
 * the old holder's devices are told to purge it.
 */
export async function allocateCase(pool: Pool, organisationId: string, caseId: string, userId: string, now: Date): Promise<{ from: string | null; changed: boolean }> {
  return inTransaction(pool, async (client) => {
    await lockOrganisation(client, organisationId);
    const u = await client.query('SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2', [userId, organisationId]);
    if (!u.rowCount) throw new Error('That user is not in this organisation.');
    const cur = await client.query<{ user_id: string }>('SELECT user_id FROM allocations WHERE organisation_id = $1 AND case_id = $2 FOR UPDATE', [organisationId, caseId]);
    const from = cur.rows[0]?.user_id ?? null;
    if (from === userId) return { from, changed: false };
    await client.query(
      `INSERT INTO allocations (organisation_id, case_id, user_id, allocated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id, case_id) DO UPDATE SET user_id = EXCLUDED.user_id, allocated_at = EXCLUDED.allocated_at`,
      [organisationId, caseId, userId, now],
    );
    const seq = await reserveSeqs(client, organisationId, 1);
    await insertChanges(client, organisationId, [
      { seq, kind: 'allocation', mutationId: null, entity: null, entityId: null, caseId, field: null, value: null, version: null, userId: null, deviceId: null, hlc: null, conflictId: null, fromUser: from, toUser: userId },
    ]);
    await client.query("INSERT INTO audit (organisation_id, user_id, action, case_id, detail) VALUES ($1, $2, 'allocate', $3, $4)", [organisationId, userId, caseId, from ? 'reallocated' : 'allocated']);
    return { from, changed: true };
  });
}
