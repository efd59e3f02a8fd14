import { auditActionSchema } from '../../../shared/ipc/audit';
import { currentAdvocateIdIfAny } from '../caseload/current-advocate';
import type { Db } from '../db/database';
import { encodeDetail, type ChangedGroup } from './entry-detail';
import { entryHash, GENESIS_HASH, verifyChain, type AuditRow, type ChainReport } from './hash-chain';

/** What an entry says happened: the contract's list, so the trail and its screen agree. */
export const auditActions = auditActionSchema.options;
export type AuditAction = (typeof auditActions)[number];

export interface NewAuditEntry {
  action: AuditAction;
  method?: string | null;
  caseId?: string | null;
  /** Counts or codes only; never a name, note or any other record content. */
  detail?: string | null;
  /** The records and fields the call changed (kinds, counts and field names only). */
  changed?: ChangedGroup[];
  /** When it happened, if not now (failed unlocks are appended at the next unlock). */
  at?: string;
}

const HEAD_KEY = 'audit_head';

const SELECT_COLUMNS = `seq, at, device_id AS deviceId, action, method, case_id AS caseId, detail, prev_hash AS prevHash, hash`;

/**
 * Appends entries to the chain in one transaction (nested inside the caller's, if any). Each entry
 * names the advocate using this computer, so the trail says who as well as which device. The head
 * (last seq and hash) is kept in `meta` in the same transaction so that cutting entries off the
 * end is detectable too.
 */
export function appendAudit(db: Db, deviceId: string, now: Date, entries: readonly NewAuditEntry[]): void {
  if (entries.length === 0) return;
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, at, device_id, action, method, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const setHead = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const by = currentAdvocateIdIfAny(db);
  db.transaction(() => {
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS_HASH;
    for (const e of entries) {
      seq += 1;
      const fields = {
        seq,
        at: e.at ?? now.toISOString(),
        deviceId,
        action: e.action,
        method: e.method ?? null,
        caseId: e.caseId ?? null,
        detail: encodeDetail({ by, text: e.detail ?? null, changed: e.changed ?? [] }),
      };
      const hash = entryHash(fields, prev);
      insert.run(seq, fields.at, deviceId, fields.action, fields.method, fields.caseId, fields.detail, prev, hash);
      prev = hash;
    }
    setHead.run(HEAD_KEY, JSON.stringify({ seq, hash: prev }));
  })();
}

export function auditHead(db: Db): { seq: number; hash: string } | null {
  const raw = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(HEAD_KEY) as string | undefined;
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { seq?: unknown; hash?: unknown };
    if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string')
      return { seq: parsed.seq, hash: parsed.hash };
  } catch {
    // A damaged head is itself a sign of tampering: report it as a cut at the start.
  }
  return { seq: Number.MAX_SAFE_INTEGER, hash: '' };
}

/** Checks the whole chain, streaming rows so a long trail does not fill memory. */
export function checkAuditChain(db: Db): ChainReport {
  const rows = db
    .prepare(`SELECT ${SELECT_COLUMNS} FROM audit_log ORDER BY seq`)
    .iterate() as IterableIterator<AuditRow>;
  return verifyChain(rows, auditHead(db));
}

export interface AuditQuery {
  caseId?: string | undefined;
  /** Entries with seq below this (for paging back in time). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Newest first. */
export function listAudit(db: Db, q: AuditQuery): AuditRow[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.caseId !== undefined) {
    where.push('case_id = ?');
    args.push(q.caseId);
  }
  if (q.beforeSeq !== undefined) {
    where.push('seq < ?');
    args.push(q.beforeSeq);
  }
  const sql = `SELECT ${SELECT_COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
  return db.prepare(sql).all(...args, q.limit) as AuditRow[];
}
