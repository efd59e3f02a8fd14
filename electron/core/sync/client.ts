import { hostname } from 'node:os';
import { AppError } from '../../../shared/ipc/errors';
import type { AppEvent } from '../../../shared/ipc/events';
import { MAX_PULL_PAGE, MAX_PUSH_CHANGES, type OutgoingChange, type Resolution } from '../../../shared/sync/protocol';
import { HlcClock } from '../../../shared/domain/hlc';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import { entityRegistry } from '../db/entity-registry';
import { Writer } from '../db/mutations';
import { checkServiceUrl, readAccount, recordClockOffset, recordResult, saveEnrolment, saveTokens, type Account } from './account';
import type { NewAuditEntry } from '../audit/audit-log';
import { compactAfterErase } from '../retention/erase-case';
import { applyPage, COMPACT_DUE_KEY } from './apply';
import { runDeferredPurges, runDeferredTombstones } from './purge';
import { replayParked } from './parked';
import { settleRefusals } from './rekey-case';
import { caseLimitNotice, rateLimitNotice, refusedNotice } from './notices';
import { convertPlaintextIfDue } from './convert-plaintext';
import { SyncApi, SyncHttpError, type Transport } from './transport';
import { runSteps, type SyncStep } from './sync-step';
import { asAppError, type OutboxRow } from './client-types';
import { prepareEnrolment } from '../e2e/enrolment';
import { syncKeys } from '../e2e/key-sync';

export interface SyncDeps {
  db(): Db;
  isUnlocked(): boolean;
  emit(event: AppEvent): void;
  now(): Date;
  transport: Transport;
  registry?: Record<string, EntitySpec>;
  /** Deletes this computer's records; called when the service revokes or wipes the device. */
  wipe(kind: 'revoked' | 'wiped', message: string): void;
  deviceName?: string;
  pullPageSize?: number;
  /** Appends to the audit trail; ids and counts only, never record content. */
  audit?(entries: NewAuditEntry[]): void;
  /** This computer's clock for new edits (a case sent again under a new id); one is made if absent. */
  clock?(): HlcClock;
  /** Run after each pull (online forms); see sync-step.ts. */
  steps?: SyncStep[];
}

/** What started a run, as the audit trail names it. */
export type SyncTrigger = 'sync.now' | 'sync.connect' | 'sync.resolve' | 'sync.automatic';

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  purged: number;
  /** Deleted records whose last trace was removed, as the service purged them. */
  deletedRemoved: number;
  /** Changes of this computer the service refused (kept here; see notices.ts). */
  refused: number;
  /** Changes to new cases held back by the service's hourly limit; sent again later. */
  deferred: number;
  /** Cases made here given a new id because the service already knew theirs. */
  rekeyed: number;
}

const MIN_BACKOFF_MS = 5_000;
/** Waits the service asks for up to this long are waited out within a run, this many times. */
const SHORT_WAIT_S = 5;
const MAX_SHORT_WAITS = 20;
const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * The desktop end of sync. One per core instance: it holds no global state, reaches the service
 * only through the injected transport, and keeps its cursor and tokens in the encrypted store.
 */
export class SyncClient {
  private readonly registry: Record<string, EntitySpec>;
  private running: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;
  private queuedTrigger: SyncTrigger | null = null;
  private refreshing: Promise<Account> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = true;
  /** The service asked this device not to send anything before this time (ms since the epoch). */
  private notBefore = 0;
  private fallbackClock: HlcClock | null = null;

  constructor(private readonly deps: SyncDeps) {
    this.registry = deps.registry ?? entityRegistry;
  }

  account(): Account | null {
    return readAccount(this.deps.db());
  }

  async connect(serviceUrl: string, code: string): Promise<Account> {
    const url = checkServiceUrl(serviceUrl);
    if (!url) throw new AppError('invalid_input', 'The service address must start with https:// (or be this computer, for a trial).', { fields: { serviceUrl: 'Not a secure service address.' } });
    if (this.account()) throw new AppError('conflict', 'This computer is already connected to a service.');
    const api = new SyncApi(this.deps.transport, url);
    const enrolment = await prepareEnrolment(code);
    let enrolled;
    try {
      enrolled = await api.enrol(enrolment.serviceCode, this.deps.deviceName ?? hostname());
    } catch (e) {
      throw asAppError(e);
    }
    const db = this.deps.db();
    db.transaction(() => {
      saveEnrolment(db, url, enrolled, this.deps.now());
      enrolment.save(db, this.deps.now());
    }).immediate();
    return this.account()!;
  }

  /** A signed-in call to the service outside a sync run (the managers' Laptops and People screens). */
  async withService<T>(fn: (api: SyncApi, token: string) => Promise<T>): Promise<T> {
    const acct = this.account();
    if (!acct) throw new AppError('conflict', 'This computer is not connected to a service.');
    const api = new SyncApi(this.deps.transport, acct.service_url);
    return this.withAccess(api, (t) => fn(api, t)).catch((e: unknown) => Promise.reject(asAppError(e)));
  }

  /**
   * Runs one sync (push, then pull until up to date). A run already under way may have sent its
   * changes before the caller's latest edit, so a call during a run gets one more run after it;
   * every call made meanwhile shares that one.
   */
  syncNow(trigger: SyncTrigger = 'sync.now'): Promise<SyncReport> {
    if (!this.running) return this.begin(trigger);
    // A person's request outranks the timer's, so the shared run is named (and audited) for it.
    if (trigger !== 'sync.automatic' || !this.queuedTrigger) this.queuedTrigger = trigger;
    this.queued ??= this.running.then(
      () => this.afterQueue(),
      () => this.afterQueue(),
    );
    return this.queued;
  }

  private afterQueue(): Promise<SyncReport> {
    const trigger = this.queuedTrigger ?? 'sync.now';
    this.queued = null;
    this.queuedTrigger = null;
    return this.begin(trigger);
  }

  private begin(trigger: SyncTrigger): Promise<SyncReport> {
    const run = this.cycle(trigger).finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async cycle(trigger: SyncTrigger): Promise<SyncReport> {
    const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, purged: 0, deletedRemoved: 0, refused: 0, deferred: 0, rekeyed: 0 };
    // A run queued behind one that ended in a lock or a wipe has nothing to do.
    if (!this.deps.isUnlocked()) return report;
    const acct = this.account();
    if (!acct) return report;
    const db = this.deps.db();
    const api = new SyncApi(this.deps.transport, acct.service_url);
    // Honour the service's request to wait: nothing is sent before the time it gave.
    const waitMs = this.notBefore - this.deps.now().getTime();
    if (waitMs > 0) {
      const message = rateLimitNotice(new Date(this.notBefore));
      recordResult(db, null, message);
      throw new AppError('forbidden', message, { retryAfterMs: waitMs });
    }
    try {
      // Keys first: a laptop learns whether its organisation seals values before it sends any.
      await syncKeys(db, acct, (fn) => this.withAccess(api, (t) => fn(api, t)), this.deps.now);
      replayParked(db, this.registry);
      await this.pushAll(api, report);
      await this.pullAll(api, report);
      // A case given a new id is sent (and acknowledged) in the same run.
      if (report.rekeyed > 0) {
        await this.pushAll(api, report);
        await this.pullAll(api, report);
      }
      await convertPlaintextIfDue({ db: this.deps.db, registry: this.registry, call: (fn) => this.withAccess(api, (t) => fn(api, t)), progress: (l, d, t) => this.progress(l, d, t), audit: (e) => this.record(e), now: this.deps.now });
      const stepNotices = await runSteps(this.deps, { account: this.account()!, request: (path, body, schema) => this.withAccess(api, (t) => api.post(path, body, schema, t)) });
      report.purged += runDeferredPurges(db, this.registry);
      report.deletedRemoved += runDeferredTombstones(db, this.registry);
      recordResult(db, this.deps.now().toISOString(), null);
      // Synced, but the person should know what the service did not take, in plain words.
      const notice = [report.deferred ? caseLimitNotice(report.deferred) : null, report.refused ? refusedNotice(report.refused) : null, ...stepNotices].filter(Boolean).join(' ');
      if (notice) recordResult(db, null, notice);
      this.failures = 0;
      this.audit(trigger, report, null);
      // Always ends with done = total, so progress bars close and screens refresh their status.
      this.progress('Up to date', 1, 1);
      return report;
    } catch (e) {
      this.progress('Stopped', 1, 1);
      if (e instanceof SyncHttpError && e.endsDevice) {
        this.endDevice(api, e);
        throw asAppError(e);
      }
      if (e instanceof SyncHttpError && e.retryAfter !== null) {
        this.notBefore = this.deps.now().getTime() + e.retryAfter * 1000;
        const message = rateLimitNotice(new Date(this.notBefore));
        if (this.deps.isUnlocked()) recordResult(db, null, message);
        this.audit(trigger, report, e.code);
        throw new AppError('forbidden', message, { retryAfterMs: e.retryAfter * 1000 });
      }
      if (this.deps.isUnlocked()) recordResult(db, null, e instanceof Error ? e.message : 'Sync failed.');
      this.audit(trigger, report, e instanceof SyncHttpError ? e.code : 'error');
      throw asAppError(e);
    }
  }

  /**
   * Every run a person asked for, and every automatic run that sent or received anything (even
   * if it then stopped), goes in the audit trail; an automatic run that moved nothing does not,
   * or an idle laptop would add an entry every minute.
   */
  private audit(trigger: SyncTrigger, r: SyncReport, stopped: string | null): void {
    const moved = r.pushed + r.pulled + r.purged > 0;
    if (!this.deps.audit || !this.deps.isUnlocked() || (trigger === 'sync.automatic' && !moved)) return;
    const detail = `sent ${r.pushed}, received ${r.pulled}, conflicts ${r.conflicts}, purged ${r.purged}${r.deletedRemoved ? `, deleted records removed ${r.deletedRemoved}` : ''}${stopped ? `; stopped: ${stopped}` : ''}`;
    this.record([{ action: 'synced', method: trigger, detail }]);
  }

  private record(entries: NewAuditEntry[]): void {
    try {
      this.deps.audit?.(entries);
    } catch {
      // The trail reports its own failures; a sync that happened is not undone by them.
    }
  }

  /**
   * A short wait the service asks for (a laptop catching up sends pages faster than one device
   * may) is waited out within the run, so a long catch-up carries on; a longer one ends the run.
   */
  private async withAccess<T>(api: SyncApi, fn: (token: string) => Promise<T>): Promise<T> {
    let waited = 0;
    for (;;) {
      try {
        return await this.withToken(api, fn);
      } catch (e) {
        if (!(e instanceof SyncHttpError && e.retryAfter !== null && e.retryAfter <= SHORT_WAIT_S && waited < MAX_SHORT_WAITS)) throw e;
        waited++;
        await new Promise((resolve) => setTimeout(resolve, e.retryAfter! * 1000));
      }
    }
  }

  private async withToken<T>(api: SyncApi, fn: (token: string) => Promise<T>): Promise<T> {
    const db = this.deps.db();
    let acct = this.account()!;
    // Expiry is on the service's clock; judged on this computer's clock alone, a clock a day
    // ahead would renew the token before every request, and one behind would never renew it.
    const serviceNow = this.deps.now().getTime() - (acct.clock_offset_ms ?? 0);
    const fresh = acct.access_token && acct.access_expires_at && Date.parse(acct.access_expires_at) - serviceNow > 60_000;
    if (!fresh) acct = await this.refresh(api, db);
    try {
      return await fn(acct.access_token!);
    } catch (e) {
      if (!(e instanceof SyncHttpError && e.status === 401 && e.code === 'unauthorised')) throw e;
      acct = await this.refresh(api, db);
      return fn(acct.access_token!);
    }
  }

  /** One refresh at a time: presenting the same refresh token twice would revoke this device. */
  private refresh(api: SyncApi, db: Db): Promise<Account> {
    this.refreshing ??= (async () => {
      const tokens = await api.refresh(this.account()!.refresh_token);
      db.transaction(() => saveTokens(db, tokens)).immediate();
      return this.account()!;
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async pushAll(api: SyncApi, report: SyncReport): Promise<void> {
    const db = this.deps.db();
    const batch = db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    const resolutions = (db.prepare("SELECT id AS conflictId, resolution AS choice FROM sync_conflicts WHERE resolution IS NOT NULL AND resolved_at IS NULL").all() as Resolution[]).slice(0, MAX_PUSH_CHANGES);
    let after = 0;
    let first = true;
    for (;;) {
      const rows = batch.all(after, MAX_PUSH_CHANGES) as OutboxRow[];
      if (!rows.length && !(first && resolutions.length)) return;
      const changes: OutgoingChange[] = rows.map((r) => ({ mutationId: r.mutation_id, entity: r.entity, entityId: r.entity_id, caseId: r.case_id, field: r.field, value: r.value === null ? null : (JSON.parse(r.value) as OutgoingChange['value']), baseVersion: r.base_version, hlc: r.hlc }));
      const res = await this.withAccess(api, (t) => api.push(t, { changes, ...(first && resolutions.length ? { resolutions } : {}) }));
      // Held back by the hourly limit on new cases: still in the outbox, sent again next time.
      report.deferred += res.results.filter((r) => r.outcome === 'refused' && r.reason === 'case_limit').length;
      report.pushed += rows.length;
      first = false;
      if (!rows.length) return;
      after = rows[rows.length - 1]!.seq;
      this.progress('Sending changes', report.pushed, report.pushed + (db.prepare('SELECT count(*) FROM outbox WHERE seq > ?').pluck().get(after) as number));
    }
  }

  private async pullAll(api: SyncApi, report: SyncReport): Promise<void> {
    const db = this.deps.db();
    const start = this.account()!.cursor;
    const entities = new Set<string>();
    // `applied` is read when the request leaves, so it never claims the page still being applied.
    const fetchAfter = (cursor: number) =>
      this.withAccess(api, (t) => api.pull(t, { after: cursor, limit: this.deps.pullPageSize ?? MAX_PULL_PAGE, sentAt: this.deps.now(), applied: this.account()!.cursor }));
    const sentAt = this.deps.now().getTime();
    let next = fetchAfter(this.account()!.cursor);
    let first = true;
    for (;;) {
      const page = await next;
      // The clocks are compared once a sync, as the first page arrives (a round trip is far
      // smaller than the day that matters).
      if (first && page.serverTime && this.deps.isUnlocked()) recordClockOffset(db, sentAt - Date.parse(page.serverTime));
      first = false;
      // The next page is fetched while this one is applied; a failure discards it unused.
      if (page.more) {
        next = fetchAfter(page.cursor);
        next.catch(() => {});
        // Let the request leave before the synchronous apply below holds the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (!this.deps.isUnlocked()) return;
      const acct = this.account()!;
      const out = applyPage(db, this.registry, acct.device_id, page, {
        now: this.deps.now,
        onErased: (caseId) => this.record([{ action: 'retention-deleted', method: 'sync.erased', caseId, detail: 'erased by the service at the end of its retention period' }]),
      });
      report.pulled += page.changes.length;
      report.conflicts += out.conflicts;
      report.purged += out.purged + out.erased.length;
      report.deletedRemoved += out.tombstones;
      for (const e of out.entities) entities.add(e);
      const refusals = settleRefusals(db, this.registry, () => new Writer(db, this.clock(), this.registry, this.deps.now), out.refused);
      report.rekeyed += refusals.rekeyed;
      report.refused += refusals.toTell;
      if (refusals.rekeyed) entities.add('referral');
      const head = Math.max(page.head ?? page.cursor, page.cursor);
      this.progress('Receiving changes', page.cursor - start, Math.max(1, head - start));
      if (!page.more) break;
    }
    // As after the desktop's own retention erasure: no freed page or search segment keeps the
    // words. Flagged with the erasure, so a sync cut short still compacts the next time.
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(COMPACT_DUE_KEY)) {
      compactAfterErase(db);
      db.prepare('DELETE FROM meta WHERE key = ?').run(COMPACT_DUE_KEY);
    }
    for (const entity of entities) this.deps.emit({ type: 'changed', entity });
  }

  private clock(): HlcClock {
    if (this.deps.clock) return this.deps.clock();
    this.fallbackClock ??= new HlcClock(this.account()!.device_id, () => this.deps.now().getTime());
    return this.fallbackClock;
  }

  private progress(label: string, done: number, total: number): void {
    this.deps.emit({ type: 'progress', task: 'sync', done, total, label });
  }

  private endDevice(api: SyncApi, e: SyncHttpError): void {
    const wiped = e.code === 'device_wipe';
    const refreshToken = this.deps.isUnlocked() ? this.account()?.refresh_token : undefined;
    this.stop();
    this.deps.wipe(wiped ? 'wiped' : 'revoked', e.message);
    // Confirmed after the files are gone, so the service only records a wipe that happened.
    if (wiped && refreshToken) void api.confirmWiped(refreshToken).catch(() => {});
  }

  /** Automatic sync: every `intervalMs` while unlocked and connected, backing off after failures. */
  start(intervalMs = 60_000): void {
    this.stopped = false;
    this.schedule(Math.min(intervalMs, 3_000), intervalMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number, intervalMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const due = this.deps.isUnlocked() && this.account() !== null;
      const run = due ? this.syncNow('sync.automatic') : Promise.resolve(null);
      run.then(
        () => this.schedule(intervalMs, intervalMs),
        () => {
          // Asked to wait is not a failure: carry on at the time the service gave.
          const asked = this.notBefore - this.deps.now().getTime();
          if (asked > 0) return this.schedule(asked, intervalMs);
          this.failures++;
          const backoff = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (this.failures - 1));
          this.schedule(backoff * (0.75 + Math.random() * 0.5), intervalMs);
        },
      );
    }, delay);
    this.timer.unref();
  }
}
