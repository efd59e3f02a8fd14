import type { AuditSpec } from '../../../shared/ipc/audit-spec';
import { contract, isMethodName } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/errors';
import type { Logger } from '../ipc/dispatch';
import type { CoreContext } from '../ipc/handler-types';
import { appendAudit, type NewAuditEntry } from './audit-log';
import { collectChanges } from './change-collector';
import { classifyCall } from './classify';
import { PendingFailures } from './pending-failures';
import { resolveCaseId } from './resolve-case';

type Call = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** Reading the same case again within this time is one opening, not many (a case page loads several lists). */
export const REOPEN_WINDOW_MS = 10 * 60 * 1000;

const PASSPHRASE_METHODS = new Set(['vault.unlock', 'vault.checkPassphrase', 'vault.changePassphrase']);

/** Each method's own audit declaration, from the contract. */
export const contractAuditSpec = (method: string): AuditSpec | undefined =>
  isMethodName(method) ? contract[method].audit : undefined;

/**
 * Wraps the dispatcher so every call is recorded as its contract entry declares: opening a case,
 * changing, exporting, printing or sending its records, with the method name, case id, the
 * advocate, device, time, and the records and fields the write path changed. Failed unlocks wait
 * in a small file until the next unlock. A failure to write the trail is logged by kind and never
 * turns a completed action into an error.
 */
export function withAudit(
  ctx: CoreContext,
  call: Call,
  log: Logger,
  specOf: (method: string) => AuditSpec | undefined = contractAuditSpec,
): Call & { recordNow(entries: NewAuditEntry[]): void } {
  const pending = new PendingFailures(ctx.dataDir);
  const lastOpened = new Map<string, number>();
  ctx.vault.onLock(() => lastOpened.clear());

  const append = (entries: NewAuditEntry[]): void => {
    if (!ctx.vault.isUnlocked) return;
    const db = ctx.db();
    const waiting = pending.hasAny() ? pending.read() : null;
    const all: NewAuditEntry[] = [];
    if (waiting) {
      for (const f of waiting.failures) all.push({ action: 'unlock-failed', method: f.method, at: f.at });
      if (waiting.dropped > 0) all.push({ action: 'unlock-failed', detail: `${waiting.dropped} more not itemised` });
    }
    all.push(...entries);
    appendAudit(db, ctx.deviceId(), ctx.now(), all);
    if (waiting) pending.clear();
  };

  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      log(`[heard] audit trail could not be written: ${e instanceof Error ? e.name : typeof e}`);
    }
  };

  const audited = async (method: string, input: unknown): Promise<Envelope<unknown>> => {
    const { result, changes } = await collectChanges(() => call(method, input));
    if (PASSPHRASE_METHODS.has(method)) {
      const wrong =
        (!result.ok && result.error.code === 'wrong_passphrase') ||
        (result.ok && method === 'vault.checkPassphrase' && isIncorrect(result.value));
      if (wrong) safely(() => pending.record({ at: ctx.now().toISOString(), method }));
      if (result.ok && method === 'vault.unlock') safely(() => append([{ action: 'unlocked', method }]));
      else if (wrong && ctx.vault.isUnlocked) safely(() => append([]));
      return result;
    }
    // A failed call that still committed a change (one transaction of several) is recorded too.
    if (!result.ok && changes.isEmpty) return result;
    const spec = specOf(method);
    if (!spec) return result;
    const caseOfRecord = (id: string): string | null => {
      try {
        return ctx.vault.isUnlocked ? resolveCaseId(ctx.db(), { id }) : null;
      } catch {
        return null;
      }
    };
    const c = classifyCall(
      result.ok ? spec : { ...spec, kind: 'changes' },
      input,
      result.ok ? result.value : undefined,
      caseOfRecord,
      changes,
    );
    if (!c) return result;
    if (c.action === 'case-opened' && c.caseId) {
      const key = c.caseId;
      const last = lastOpened.get(key);
      const nowMs = ctx.now().getTime();
      if (last !== undefined && nowMs - last < REOPEN_WINDOW_MS) return result;
      lastOpened.set(key, nowMs);
    }
    const text = changes.correction?.reasonGiven ? 'reason given' : null;
    safely(() => append([{ action: c.action, method, caseId: c.caseId, changed: changes.groups(), detail: text }]));
    return result;
  };
  return Object.assign(audited, { recordNow: (entries: NewAuditEntry[]) => append(entries) });
}

function isIncorrect(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { correct?: unknown }).correct === false;
}
