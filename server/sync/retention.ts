import type { Pool, PoolClient } from 'pg';
import { retentionDueOn, type RetentionPolicy } from '../../shared/domain/retention';
import { inTransaction, lockOrganisation, reserveSeqs } from '../db/tx';
import { insertChanges } from './change-rows';

export interface ServiceDueCase {
  caseId: string;
  reference: string;
  closureDate: string;
  dueOn: string;
  ruleUsed: 'closure' | 'age25';
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Closed cases on the service whose retention period has ended under `policy`, by the same rule
 * as the desktop (shared/domain/retention.ts), rebuilt from the synced fields.
 */
export async function dueOnService(db: Pool | PoolClient, organisationId: string, policy: RetentionPolicy, today: string): Promise<ServiceDueCase[]> {
  const { rows } = await db.query<{ entity: string; entity_id: string; field: string; value: unknown }>(
    `SELECT entity, entity_id, field, value FROM field_state
      WHERE organisation_id = $1
        AND ((entity = 'referral' AND field IN ('reference', 'status', 'closure_date', 'person_id', 'deleted_at'))
          OR (entity = 'person' AND field IN ('date_of_birth', 'deleted_at')))`,
    [organisationId],
  );
  const records = new Map<string, Map<string, unknown>>();
  for (const r of rows) {
    const k = `${r.entity}\u0000${r.entity_id}`;
    let f = records.get(k);
    if (!f) records.set(k, (f = new Map()));
    f.set(r.field, r.value);
  }
  const due: ServiceDueCase[] = [];
  for (const [k, f] of records) {
    const [entity, id] = k.split('\u0000') as [string, string];
    if (entity !== 'referral' || f.get('status') !== 'closed' || text(f.get('deleted_at'))) continue;
    const closureDate = text(f.get('closure_date'));
    const personId = text(f.get('person_id'));
    const person = personId ? records.get(`person\u0000${personId}`) : undefined;
    const when = retentionDueOn(policy, { closureDate, dateOfBirth: text(person?.get('date_of_birth')) });
    if (closureDate && when && when.dueOn <= today) due.push({ caseId: id, reference: text(f.get('reference')) ?? id, closureDate, dueOn: when.dueOn, ruleUsed: when.ruleUsed });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
}

/**
 * Erases cases from the service at the end of their retention period: every logged change,
 * field, conflict and allocation of the case. The log gets an `erased` row for each advocate who
 * has held the case; their devices and managers' act on it by erasing their own copy, and the case id is kept in
 * `erased_cases` so a late edit from an offline laptop cannot bring it back. Refuses, changing
 * nothing, unless `confirmCount` is the number of cases and every one is due.
 */
export async function eraseOnService(pool: Pool, organisationId: string, caseIds: readonly string[], confirmCount: number, policy: RetentionPolicy, now: Date): Promise<{ erased: number; rowsRemoved: number }> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) throw new Error('Name at least one case to erase.');
  if (confirmCount !== unique.length) throw new Error(`Give --confirm ${unique.length} (the number of cases) to erase them. Nothing was erased.`);
  return inTransaction(pool, async (client) => {
    // Checked under the lock, so a case reopened meanwhile is not erased.
    await lockOrganisation(client, organisationId);
    const due = new Map((await dueOnService(client, organisationId, policy, now.toISOString().slice(0, 10))).map((d) => [d.caseId, d]));
    const notDue = unique.filter((c) => !due.has(c));
    if (notDue.length) throw new Error(`${notDue.length} of the cases ${notDue.length === 1 ? 'is' : 'are'} not closed and due under this retention policy. Nothing was erased.`);
    // A young person can have several cases. One still referred to by a case that stays moves to
    // that case instead of going with the erased one (the desktop's erasure keeps them too).
    await client.query(
      `WITH shared AS (
         SELECT DISTINCT ON (p.entity_id) p.entity_id AS person_id, r.entity_id AS other_case
           FROM field_state p
           JOIN field_state r ON r.organisation_id = p.organisation_id AND r.entity = 'referral' AND r.field = 'person_id' AND r.value = to_jsonb(p.entity_id)
          WHERE p.organisation_id = $1 AND p.entity = 'person' AND p.case_id = ANY($2::text[]) AND NOT (r.entity_id = ANY($2::text[]))
          ORDER BY p.entity_id, r.entity_id),
       moved AS (UPDATE field_state f SET case_id = s.other_case FROM shared s WHERE f.organisation_id = $1 AND f.entity = 'person' AND f.entity_id = s.person_id)
       UPDATE changes l SET case_id = s.other_case FROM shared s WHERE l.organisation_id = $1 AND l.entity = 'person' AND l.entity_id = s.person_id`,
      [organisationId, unique],
    );
    // Everyone who has held each case: the current advocate, and earlier ones whose laptops may not
    // have heard of a reallocation yet (a laptop left in a drawer, a restored backup). Their
    // devices, and managers', are the ones told to erase it.
    const held = await client.query<{ case_id: string; user_id: string }>(
      `SELECT case_id, user_id FROM allocations WHERE organisation_id = $1 AND case_id = ANY($2::text[])
       UNION
       SELECT l.case_id, u.user_id FROM changes l CROSS JOIN LATERAL (VALUES (l.from_user), (l.to_user)) AS u(user_id)
        WHERE l.organisation_id = $1 AND l.kind = 'allocation' AND l.case_id = ANY($2::text[]) AND u.user_id IS NOT NULL
       ORDER BY 1, 2`,
      [organisationId, unique],
    );
    const notices = unique.flatMap((caseId) => {
      const holders = held.rows.filter((r) => r.case_id === caseId).map((r) => r.user_id);
      // No advocate ever held it: only managers' devices can have it.
      return (holders.length ? holders : [null]).map((toUser) => ({ caseId, toUser }));
    });
    let rowsRemoved = 0;
    for (const table of ['changes', 'field_state', 'conflicts', 'allocations']) {
      const r = await client.query(`DELETE FROM ${table} WHERE organisation_id = $1 AND case_id = ANY($2::text[])`, [organisationId, unique]);
      rowsRemoved += r.rowCount ?? 0;
    }
    await client.query(
      'INSERT INTO erased_cases (organisation_id, case_id, erased_at, rule) SELECT $1, c, $3, $4 FROM unnest($2::text[]) AS c ON CONFLICT DO NOTHING',
      [organisationId, unique, now, `${policy.basis} ${policy.years} years`],
    );
    const first = await reserveSeqs(client, organisationId, notices.length);
    await insertChanges(
      client,
      organisationId,
      notices.map((n, i) => ({ seq: first + i, kind: 'erased', mutationId: null, entity: null, entityId: null, caseId: n.caseId, field: null, value: null, version: null, userId: null, deviceId: null, hlc: null, conflictId: null, fromUser: null, toUser: n.toUser })),
    );
    await client.query(
      "INSERT INTO audit (organisation_id, action, case_id, detail) SELECT $1, 'retention-erase', c, 'retention ended (' || r || ' rule)' FROM unnest($2::text[], $3::text[]) AS x(c, r)",
      [organisationId, unique, unique.map((c) => due.get(c)!.ruleUsed)],
    );
    return { erased: unique.length, rowsRemoved };
  });
}
