import type { AuditAction } from './audit-log';

/**
 * Which calls the trail records, decided from the method's name and input alone so that methods
 * added by any feature are covered without registering anything:
 * - a call whose input names a case (`caseId` or `referralId`, or `id` for referrals) is an opening
 *   or a change of it;
 * - verbs that export, print, send or sync are recorded even without a case;
 * - verbs that change records are recorded, with the case when the input or answer names one.
 * Drafts (typing not yet saved), settings, the vault and the trail itself are not record access.
 */
/** Features that write their own, more precise, entries (backup, retention, subject access, each sync run). */
const SELF_RECORDING = ['backup.', 'retention.', 'subjectAccess.', 'sync.now'];
const NOT_RECORD_ACCESS = ['drafts.', 'settings.', 'vault.', 'audit.', ...SELF_RECORDING];

const EXPORT = /export|pdf|download|bundle|csv/i;
const PRINT = /print/i;
const SEND = /^(send|sent|markSent|recordSent)/i;
const SYNC_NS = /^sync\./;
const SYNC_VERB = /^(run|now|push|pull|start|syncNow)$/i;
const READ = /^(get|list|open|view|load|read|search|find|preview|history|versions|timeline|summary|show)/i;

export interface Classified {
  action: AuditAction;
  caseId: string | null;
}

/** A referral is the case, so in these namespaces a plain `id` is the case id. */
const CASE_NAMESPACE = /(^|\.)(referrals|cases|case)\./;
const EDIT = /^(create|save|update|add|remove|delete|set|close|reopen|allocate|import|apply|upsert|edit|resolve|record|mark|change|move|assign|archive|restore|purge|sign|approve|submit|attach|link|unlink)/i;

export function caseIdOf(method: string, input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const record = input as Record<string, unknown>;
  const keys = CASE_NAMESPACE.test(method) ? ['caseId', 'referralId', 'id'] : ['caseId', 'referralId'];
  for (const key of keys) {
    const v = record[key];
    if (typeof v === 'string' && v.length > 0 && v.length <= 200) return v;
  }
  return null;
}

/** Returns null when the call is not recorded. */
export function classifyCall(method: string, input: unknown, output?: unknown, resolve?: () => string | null): Classified | null {
  if (NOT_RECORD_ACCESS.some((p) => method.startsWith(p))) return null;
  const verb = method.slice(method.lastIndexOf('.') + 1);
  // A call that creates a case names it only in its answer.
  const caseId = caseIdOf(method, input) ?? caseIdOf(method, output) ?? resolve?.() ?? null;
  if (SYNC_NS.test(method)) return SYNC_VERB.test(verb) ? { action: 'synced', caseId } : null;
  if (PRINT.test(verb)) return { action: 'printed', caseId };
  if (EXPORT.test(verb)) return { action: 'exported', caseId };
  if (SEND.test(verb) && method.startsWith('letters.')) return { action: 'letter-sent', caseId };
  if (EDIT.test(verb)) return { action: 'edited', caseId };
  if (caseId === null) return null;
  if (READ.test(verb)) return { action: 'case-opened', caseId };
  return { action: 'edited', caseId };
}
