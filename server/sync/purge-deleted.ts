import type { Pool } from 'pg';
import { inTransaction, lockOrganisation, reserveSeqs } from '../db/tx';
import { insertChanges } from './change-rows';

/**
 * A device holding purges back. `sentSeq` far above `syncedSeq` means it was sent the deletion
 * and says it has not applied it: a laptop that is stuck, or one that will not say.
 */
export interface HeldBack {
  deviceId: string;
  deviceName: string;
  userName: string;
  lastSeenAt: Date | null;
  syncedSeq: number;
  sentSeq: number;
}

export interface PurgeDeletedResult {
  /** Records whose contents and history were removed. */
  records: number;
  /** Log rows removed with them. */
  changes: number;
  /** The seq every active device had reached; no deletion after it was purged. */
  floor: number;
  /** Active devices that have not applied a deletion old enough to purge, furthest behind first. */
  heldBackBy: HeldBack[];
}

/**
 * Removes what the service still holds of records deleted before `deletedBefore` (docs/architecture.md, Sync:
 * purge only once retention allows it and every active device has synced past the delete):
 * every logged change of the record, every field but the deletion itself, and its resolved
 * conflicts. The deletion stays, so a late edit from a device that was offline meets it and is
 * kept as a conflict rather than bringing back half a record. A record with a conflict still
 * waiting for a person, or with anything logged after the floor, is left alone. Each purged
 * record is logged as `purged`, so the laptops holding its case remove their tombstone too.
 */
export async function purgeDeleted(
  pool: Pool,
  organisationId: string,
  deletedBefore: Date,
): Promise<PurgeDeletedResult> {
  return inTransaction(pool, async (client) => {
    await lockOrganisation(client, organisationId);
    const f = await client.query<{ floor: string }>(
      `SELECT coalesce((SELECT min(synced_seq) FROM devices WHERE organisation_id = $1 AND status = 'active'),
                       (SELECT last_seq FROM organisations WHERE id = $1)) AS floor`,
      [organisationId],
    );
    const floor = Number(f.rows[0]!.floor);
    // Devices that have not applied the oldest deletion old enough to purge: they alone hold it back.
    const behind = await client.query<{
      id: string;
      name: string;
      user_name: string;
      last_seen_at: Date | null;
      synced_seq: string;
      sent_seq: string;
    }>(
      `WITH waiting AS (
         SELECT min(t.seq) AS seq FROM field_state t JOIN changes d ON d.organisation_id = t.organisation_id AND d.seq = t.seq
          WHERE t.organisation_id = $1 AND t.field = 'deleted_at' AND t.value <> 'null'::jsonb AND t.seq > $2 AND d.created_at < $3)
       SELECT d.id, d.name, u.name AS user_name, d.last_seen_at, d.synced_seq, d.sent_seq FROM devices d JOIN users u ON u.id = d.user_id, waiting w
        WHERE d.organisation_id = $1 AND d.status = 'active' AND d.synced_seq < w.seq
        ORDER BY d.synced_seq, d.last_seen_at NULLS FIRST`,
      [organisationId, floor, deletedBefore],
    );
    const heldBackBy = behind.rows.map((d) => ({
      deviceId: d.id,
      deviceName: d.name,
      userName: d.user_name,
      lastSeenAt: d.last_seen_at,
      syncedSeq: Number(d.synced_seq),
      sentSeq: Number(d.sent_seq),
    }));
    const due = await client.query<{
      entity: string;
      entity_id: string;
      case_id: string | null;
      value: unknown;
      version: string;
    }>(
      `SELECT t.entity, t.entity_id, t.case_id, t.value, t.version::text AS version
         FROM field_state t LEFT JOIN changes d ON d.organisation_id = t.organisation_id AND d.seq = t.seq
        WHERE t.organisation_id = $1 AND t.field = 'deleted_at' AND t.value <> 'null'::jsonb
          AND t.seq <= $2
          -- A deletion no longer in the log was purged before, so was old enough then.
          AND (d.seq IS NULL OR d.created_at < $3)
          AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.organisation_id = t.organisation_id AND c.entity = t.entity AND c.entity_id = t.entity_id AND c.resolved_at IS NULL)
          -- Nothing of the record after the floor either (a resolution, an acknowledgement): some
          -- device has yet to receive it.
          AND NOT EXISTS (SELECT 1 FROM changes x WHERE x.organisation_id = t.organisation_id AND x.seq > $2 AND x.entity = t.entity AND x.entity_id = t.entity_id)
          -- Something is left to purge: fields, history, or a conflict a person has since resolved
          -- (a late edit that met the purged record keeps its words there until then).
          AND (EXISTS (SELECT 1 FROM field_state o WHERE o.organisation_id = t.organisation_id AND o.entity = t.entity AND o.entity_id = t.entity_id AND o.field <> 'deleted_at')
               OR EXISTS (SELECT 1 FROM changes h WHERE h.organisation_id = t.organisation_id AND h.entity = t.entity AND h.entity_id = t.entity_id AND h.kind <> 'purged')
               OR EXISTS (SELECT 1 FROM conflicts r WHERE r.organisation_id = t.organisation_id AND r.entity = t.entity AND r.entity_id = t.entity_id))`,
      [organisationId, floor, deletedBefore],
    );
    if (!due.rows.length) return { records: 0, changes: 0, floor, heldBackBy };
    const entities = due.rows.map((r) => r.entity);
    const ids = due.rows.map((r) => r.entity_id);
    const target = `FROM unnest($2::text[], $3::text[]) AS p(entity, entity_id)`;
    // Earlier `purged` notices stay: a laptop restored from an old backup learns from them.
    const removed = await client.query(
      `DELETE FROM changes l USING (SELECT * ${target}) p WHERE l.organisation_id = $1 AND l.entity = p.entity AND l.entity_id = p.entity_id AND l.kind <> 'purged'`,
      [organisationId, entities, ids],
    );
    await client.query(
      `DELETE FROM field_state s USING (SELECT * ${target}) p WHERE s.organisation_id = $1 AND s.entity = p.entity AND s.entity_id = p.entity_id AND s.field <> 'deleted_at'`,
      [organisationId, entities, ids],
    );
    await client.query(
      `DELETE FROM conflicts c USING (SELECT * ${target}) p WHERE c.organisation_id = $1 AND c.entity = p.entity AND c.entity_id = p.entity_id`,
      [organisationId, entities, ids],
    );
    const first = await reserveSeqs(client, organisationId, due.rows.length);
    await insertChanges(
      client,
      organisationId,
      // The notice carries the deletion itself: a laptop that never received it (its log rows are
      // gone) learns it, and can bring the record back from there if a person chooses to.
      due.rows.map((r, i) => ({
        seq: first + i,
        kind: 'purged',
        mutationId: null,
        entity: r.entity,
        entityId: r.entity_id,
        caseId: r.case_id,
        field: 'deleted_at',
        value: r.value,
        version: Number(r.version),
        userId: null,
        deviceId: null,
        hlc: null,
        conflictId: null,
        fromUser: null,
        toUser: null,
      })),
    );
    await client.query(
      `INSERT INTO audit (organisation_id, action, case_id, detail) SELECT $1, 'purge-deleted', case_id, count(*) || ' deleted record(s) purged' FROM unnest($2::text[]) AS x(case_id) GROUP BY case_id`,
      [organisationId, due.rows.map((r) => r.case_id)],
    );
    return { records: due.rows.length, changes: removed.rowCount ?? 0, floor, heldBackBy };
  });
}
