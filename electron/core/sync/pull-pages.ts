import { MAX_PULL_PAGE, type PullResponse } from '../../../shared/sync/protocol';
import type { HlcClock } from '../../../shared/domain/hlc';
import type { AppEvent } from '../../../shared/ipc/events';
import type { EntitySpec } from '../db/entities';
import { Writer } from '../db/mutations';
import type { NewAuditEntry } from '../audit/audit-log';
import { compactAfterErase } from '../retention/erase-case';
import { openPage, type UnreadableRow } from '../e2e/open-page';
import { readAccount, recordClockOffset } from './account';
import { applyPage, COMPACT_DUE_KEY } from './apply';
import { settleRefusals } from './rekey-case';
import type { SyncReport, SyncRun } from './sync-run';

export interface PullDeps {
  registry: Record<string, EntitySpec>;
  isUnlocked(): boolean;
  now(): Date;
  emit(event: AppEvent): void;
  pageSize?: number;
  record(entries: NewAuditEntry[]): void;
  clock(): HlcClock;
}

/**
 * Pulls and applies pages until up to date. Each page's sealed values are opened before it is
 * applied; a row that does not open is not applied, and the audit trail records its ids, never
 * a value (there is none to record).
 */
export async function pullPages(run: SyncRun, deps: PullDeps, report: SyncReport): Promise<void> {
  const { db, api } = run;
  const account = () => readAccount(db)!;
  const start = account().cursor;
  const entities = new Set<string>();
  // `applied` is read when the request leaves, so it never claims the page still being applied.
  const fetchAfter = (cursor: number) =>
    run.withAccess((t) =>
      api.pull(t, {
        after: cursor,
        limit: deps.pageSize ?? MAX_PULL_PAGE,
        sentAt: deps.now(),
        applied: account().cursor,
      }),
    );
  const sentAt = deps.now().getTime();
  let next: Promise<PullResponse> = fetchAfter(account().cursor);
  let first = true;
  for (;;) {
    const page = await next;
    // The clocks are compared once a sync, as the first page arrives (a round trip is far
    // smaller than the day that matters).
    if (first && page.serverTime && deps.isUnlocked()) recordClockOffset(db, sentAt - Date.parse(page.serverTime));
    first = false;
    // The next page is fetched while this one is applied; a failure discards it unused.
    if (page.more) {
      next = fetchAfter(page.cursor);
      next.catch(() => {});
      // Let the request leave before the synchronous apply below holds the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!deps.isUnlocked()) return;
    const unreadable = openPage(page, run.keys ? 'sealed' : 'plain', run.keys);
    const out = applyPage(db, deps.registry, account().device_id, page, {
      now: deps.now,
      onErased: (caseId) =>
        deps.record([
          {
            action: 'retention-deleted',
            method: 'sync.erased',
            caseId,
            detail: 'erased by the service at the end of its retention period',
          },
        ]),
      onApplied: (applied) => {
        const entries = [
          ...unreadable.map(auditUnreadable),
          ...applied.unverified.map((u) => auditUnreadable({ ...u, why: 'not_what_was_sent' })),
        ];
        if (entries.length) deps.record(entries);
      },
    });
    report.pulled += page.changes.length;
    report.unreadable += unreadable.length + out.unverified.length;
    report.conflicts += out.conflicts;
    report.purged += out.purged + out.erased.length;
    report.deletedRemoved += out.tombstones;
    for (const e of out.entities) entities.add(e);
    const refusals = settleRefusals(
      db,
      deps.registry,
      () => new Writer(db, deps.clock(), deps.registry, deps.now),
      out.refused,
    );
    report.rekeyed += refusals.rekeyed;
    report.refused += refusals.toTell;
    if (refusals.rekeyed) entities.add('referral');
    const head = Math.max(page.head ?? page.cursor, page.cursor);
    run.progress('Receiving changes', page.cursor - start, Math.max(1, head - start));
    if (!page.more) break;
  }
  // As after the desktop's own retention erasure: no freed page or search segment keeps the
  // words. Flagged with the erasure, so a sync cut short still compacts the next time.
  if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(COMPACT_DUE_KEY)) {
    compactAfterErase(db);
    db.prepare('DELETE FROM meta WHERE key = ?').run(COMPACT_DUE_KEY);
  }
  for (const entity of entities) deps.emit({ type: 'changed', entity });
}

/** Ids, the field's name and why: what an administrator needs to look into it, and nothing of the value. */
function auditUnreadable(
  u: Omit<UnreadableRow, 'why'> & { why: UnreadableRow['why'] | 'not_what_was_sent' },
): NewAuditEntry {
  return {
    action: 'sync-refused-value',
    method: 'sync.pull',
    caseId: u.caseId,
    detail: `change ${u.seq} refused (${u.why}): ${u.entity ?? '?'} ${u.entityId ?? '?'} field ${u.field ?? '?'}`,
  };
}
