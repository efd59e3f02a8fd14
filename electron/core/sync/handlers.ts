import type { SyncStatus } from '../../../shared/ipc/sync';
import type { syncMethods } from '../../../shared/ipc/sync';
import { entityRegistry } from '../db/entity-registry';
import type { CoreContext, HandlersFor } from '../ipc/handler-types';
import { countOpenConflicts, openConflicts, resolveConflict } from './conflicts';
import { syncMessageKind } from './notices';
import { clearNotice, readNotice } from './wipe';
import { lastConversion } from './convert-plaintext';
import { currentAdvocate } from '../caseload/advocates';

function status(ctx: CoreContext): SyncStatus {
  const db = ctx.db();
  const a = ctx.sync.account();
  return {
    connected: a !== null,
    serviceUrl: a?.service_url ?? null,
    userName: a?.user_name ?? null,
    organisationName: a?.organisation_name ?? null,
    role: a?.role ?? null,
    lastSyncedAt: a?.last_synced_at ?? null,
    waiting: db.prepare('SELECT count(*) FROM outbox').pluck().get() as number,
    conflicts: countOpenConflicts(db),
    lastError: a?.last_error ?? null,
    lastErrorKind: syncMessageKind(a?.last_error ?? null),
    clockOffsetMs: a?.clock_offset_ms ?? null,
    conversion: a ? lastConversion(db) : null,
  };
}

export const syncHandlers: HandlersFor<keyof typeof syncMethods> = {
  'sync.status': (_input, ctx) => status(ctx),
  'sync.connect': async (input, ctx) => {
    await ctx.sync.connect(input.serviceUrl, input.code);
    // From now on this computer's user is the service's; cases allocated to the local "Me" follow them.
    currentAdvocate(ctx);
    // The first sync runs in the background; its progress arrives as events.
    ctx.sync.syncNow('sync.connect').catch(() => {});
    return status(ctx);
  },
  'sync.now': (_input, ctx) => ctx.sync.syncNow(),
  'sync.conflicts': (_input, ctx) => openConflicts(ctx.db()),
  'sync.resolve': (input, ctx) => {
    ctx.write((w, db) => resolveConflict(db, w, entityRegistry, input.id, input.choice, input.merged));
    ctx.sync.syncNow('sync.resolve').catch(() => {});
    return { ok: true as const };
  },
  'sync.notice': (_input, ctx) => readNotice(ctx.dataDir),
  'sync.dismissNotice': (_input, ctx) => {
    clearNotice(ctx.dataDir);
    return { ok: true as const };
  },
};
