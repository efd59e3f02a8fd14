import { MAX_PUSH_CHANGES, type OutgoingChange, type Resolution } from '../../../shared/sync/protocol';
import { sealChanges } from '../e2e/seal-outgoing';
import type { SyncReport, SyncRun } from './sync-run';

interface OutboxRow {
  seq: number;
  mutation_id: string;
  entity: string;
  entity_id: string;
  case_id: string | null;
  field: string;
  value: string | null;
  base_version: number;
  hlc: string;
}

/**
 * Sends the outbox in batches, with the resolutions made here in the first. Outbox rows stay
 * until their acknowledgements come back in a pull, so a lost reply sends them again, harmlessly.
 * Values are sealed as they leave: the outbox itself, inside the encrypted store, holds them plain.
 */
export async function pushOutbox(run: SyncRun, report: SyncReport): Promise<void> {
  const { db, api } = run;
  const batch = db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
  const countBetween = db.prepare('SELECT count(*) FROM outbox WHERE seq BETWEEN ? AND ?').pluck();
  const resolutions = (
    db
      .prepare(
        'SELECT id AS conflictId, resolution AS choice FROM sync_conflicts WHERE resolution IS NOT NULL AND resolved_at IS NULL',
      )
      .all() as Resolution[]
  ).slice(0, MAX_PUSH_CHANGES);
  // Rows stay in the outbox until acknowledged in a pull, so the next batch can be read and sealed
  // while the service works on this one: sealing costs the laptop as much as the request.
  const prepare = (after: number) => {
    const rows = batch.all(after, MAX_PUSH_CHANGES) as OutboxRow[];
    const changes: OutgoingChange[] = rows.map((r) => ({
      mutationId: r.mutation_id,
      entity: r.entity,
      entityId: r.entity_id,
      caseId: r.case_id,
      field: r.field,
      value: r.value === null ? null : (JSON.parse(r.value) as OutgoingChange['value']),
      baseVersion: r.base_version,
      hlc: r.hlc,
    }));
    if (run.keys) sealChanges(changes, run.keys);
    return { rows, changes };
  };
  let next = prepare(0);
  let first = true;
  for (;;) {
    const { rows, changes } = next;
    if (!rows.length && !(first && resolutions.length)) return;
    const sent = run.withAccess((t) =>
      api.push(t, { changes, ...(first && resolutions.length ? { resolutions } : {}) }),
    );
    first = false;
    const after = rows.length ? rows[rows.length - 1]!.seq : 0;
    let prepared: ReturnType<typeof prepare> | null = null;
    if (rows.length === MAX_PUSH_CHANGES) {
      sent.catch(() => {});
      // Let the request leave before the synchronous sealing below holds the event loop.
      await new Promise((resolve) => setImmediate(resolve));
      prepared = prepare(after);
    }
    const res = await sent;
    // Held back by the hourly limit on new cases: still in the outbox, sent again next time.
    report.deferred += res.results.filter((r) => r.outcome === 'refused' && r.reason === 'case_limit').length;
    report.pushed += rows.length;
    if (!rows.length) return;
    run.progress(
      'Sending changes',
      report.pushed,
      report.pushed + (db.prepare('SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(after) as number),
    );
    // Edits made while this batch was on its way go in the same run, as before. A batch read
    // ahead is read again if rows left the outbox meanwhile (a case erased here, say).
    const kept = prepared?.rows.length
      ? (countBetween.get(prepared.rows[0]!.seq, prepared.rows[prepared.rows.length - 1]!.seq) as number)
      : -1;
    next = prepared && kept === prepared.rows.length ? prepared : prepare(after);
  }
}
