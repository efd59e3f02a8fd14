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
  const resolutions = (db.prepare('SELECT id AS conflictId, resolution AS choice FROM sync_conflicts WHERE resolution IS NOT NULL AND resolved_at IS NULL').all() as Resolution[]).slice(0, MAX_PUSH_CHANGES);
  let after = 0;
  let first = true;
  for (;;) {
    const rows = batch.all(after, MAX_PUSH_CHANGES) as OutboxRow[];
    if (!rows.length && !(first && resolutions.length)) return;
    const changes: OutgoingChange[] = rows.map((r) => ({ mutationId: r.mutation_id, entity: r.entity, entityId: r.entity_id, caseId: r.case_id, field: r.field, value: r.value === null ? null : (JSON.parse(r.value) as OutgoingChange['value']), baseVersion: r.base_version, hlc: r.hlc }));
    if (run.keys) sealChanges(changes, run.keys);
    const res = await run.withAccess((t) => api.push(t, { changes, ...(first && resolutions.length ? { resolutions } : {}) }));
    // Held back by the hourly limit on new cases: still in the outbox, sent again next time.
    report.deferred += res.results.filter((r) => r.outcome === 'refused' && r.reason === 'case_limit').length;
    report.pushed += rows.length;
    first = false;
    if (!rows.length) return;
    after = rows[rows.length - 1]!.seq;
    run.progress('Sending changes', report.pushed, report.pushed + (db.prepare('SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(after) as number));
  }
}
