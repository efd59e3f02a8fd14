import { hostname } from 'node:os';
import { AppError } from '../../../shared/ipc/errors';
import type { AppEvent } from '../../../shared/ipc/events';
import { HlcClock } from '../../../shared/domain/hlc';
import type { Db } from '../db/database';
import type { EntitySpec } from '../db/entities';
import { entityRegistry } from '../db/entity-registry';
import { checkServiceUrl, readAccount, recordResult, saveEnrolment, type Account } from './account';
import { AccessTokens } from './access-tokens';
import type { NewAuditEntry } from '../audit/audit-log';
import { e2eMode } from '../e2e/mode';
import { ValueKeyring } from '../e2e/value-keys';
import { runDeferredPurges, runDeferredTombstones } from './purge';
import { replayParked } from './parked';
import { caseLimitNotice, rateLimitNotice, refusedNotice, unreadableNotice, WAITING_FOR_KEY_NOTICE } from './notices';
import { pullPages, type PullDeps } from './pull-pages';
import { pushOutbox } from './push-outbox';
import { emptyReport, type SyncReport, type SyncRun } from './sync-run';
import { convertPlaintextIfDue } from './convert-plaintext';
import { SyncApi, SyncHttpError, type Transport } from './transport';
import { runSteps, type SyncStep } from './sync-step';
import { asAppError } from './client-types';
import { prepareEnrolment } from '../e2e/enrolment';
import { syncKeys } from '../e2e/key-sync';
import type { ServiceCall } from '../e2e/keys-api';

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
export type { SyncReport } from './sync-run';

export type SyncTrigger = 'sync.now' | 'sync.connect' | 'sync.resolve' | 'sync.automatic';

const MIN_BACKOFF_MS = 5_000;
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
  private readonly tokens: AccessTokens;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = true;
  /** The service asked this device not to send anything before this time (ms since the epoch). */
  private notBefore = 0;
  private fallbackClock: HlcClock | null = null;

  constructor(private readonly deps: SyncDeps) {
    this.registry = deps.registry ?? entityRegistry;
    this.tokens = new AccessTokens(deps.db, deps.now);
  }

  account(): Account | null {
    return readAccount(this.deps.db());
  }

  async connect(serviceUrl: string, code: string): Promise<Account> {
    const url = checkServiceUrl(serviceUrl);
    if (!url)
      throw new AppError(
        'invalid_input',
        'The service address must start with https:// (or be this computer, for a trial).',
        { fields: { serviceUrl: 'Not a secure service address.' } },
      );
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
    return this.tokens.withAccess(api, (t) => fn(api, t)).catch((e: unknown) => Promise.reject(asAppError(e)));
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
    const report = emptyReport();
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
    const pull: PullDeps = {
      registry: this.registry,
      isUnlocked: () => this.deps.isUnlocked(),
      now: this.deps.now,
      emit: (e) => this.deps.emit(e),
      pageSize: this.deps.pullPageSize,
      record: (e) => this.record(e),
      clock: () => this.clock(),
    };
    try {
      // Keys first: a laptop learns whether its organisation seals values before it sends any.
      const keyCall: ServiceCall = (fn) => this.tokens.withAccess(api, (t) => fn(api, t));
      const keySync = await syncKeys(db, acct, keyCall, this.deps.now, { found: false });
      const plain: SyncRun = {
        db,
        api,
        withAccess: (fn) => this.tokens.withAccess(api, fn),
        progress: (l, d, t) => this.progress(l, d, t),
        keys: null,
      };
      // A manager's laptop makes the organisation's first key only once it has fetched, in the
      // clear, what the service holds from before encryption: it must hold every value to seal it
      // (convert-plaintext.ts), and from then on it takes no plain value from the service. Its own
      // outbox waits to go sealed. One more plain pull takes what other laptops sent in the clear
      // before the service heard of the key (it refuses plain values after); nothing sealed exists yet.
      if (keySync.foundingDue) {
        await pullPages(plain, pull, report);
        await syncKeys(db, acct, keyCall, this.deps.now);
        if (e2eMode(db) === 'sealed') await pullPages(plain, pull, report);
      }
      // The organisation has a key this laptop has not been given: no content is sent or
      // fetched, and what was typed waits in the outbox (docs/e2e.md, Admitting a laptop).
      const mode = e2eMode(db);
      if (mode === 'waiting') {
        recordResult(db, null, WAITING_FOR_KEY_NOTICE);
        this.progress('Waiting for a manager', 1, 1);
        return report;
      }
      const run: SyncRun = { ...plain, keys: mode === 'sealed' ? ValueKeyring.load(db, acct.organisation_id) : null };
      replayParked(db, this.registry);
      await pushOutbox(run, report);
      await pullPages(run, pull, report);
      // A case given a new id is sent (and acknowledged) in the same run.
      if (report.rekeyed > 0) {
        await pushOutbox(run, report);
        await pullPages(run, pull, report);
      }
      await convertPlaintextIfDue({
        db: this.deps.db,
        registry: this.registry,
        call: (fn) => this.tokens.withAccess(api, (t) => fn(api, t)),
        progress: (l, d, t) => this.progress(l, d, t),
        audit: (e) => this.record(e),
        now: this.deps.now,
      });
      const stepNotices = await runSteps(this.deps, {
        account: this.account()!,
        request: (path, body, schema) => this.tokens.withAccess(api, (t) => api.post(path, body, schema, t)),
      });
      report.purged += runDeferredPurges(db, this.registry);
      report.deletedRemoved += runDeferredTombstones(db, this.registry);
      recordResult(db, this.deps.now().toISOString(), null);
      // Synced, but the person should know what the service did not take, in plain words.
      const notice = [
        report.deferred ? caseLimitNotice(report.deferred) : null,
        report.refused ? refusedNotice(report.refused) : null,
        report.unreadable ? unreadableNotice(report.unreadable) : null,
        ...stepNotices,
      ]
        .filter(Boolean)
        .join(' ');
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
