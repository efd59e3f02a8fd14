import { createHash } from 'node:crypto';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  deviceId: string;
  action: string;
  method: string | null;
  caseId: string | null;
  detail: string | null;
}

export interface AuditRow extends AuditFields {
  prevHash: string;
  hash: string;
}

/**
 * The bytes that are hashed: a JSON array in a fixed order, prefixed with a format version, so
 * the encoding never depends on object key order and a later format can be told apart.
 */
export function canonicalEncoding(entry: AuditFields, prevHash: string): string {
  return JSON.stringify([
    'heard-audit-v1',
    entry.seq,
    entry.at,
    entry.deviceId,
    entry.action,
    entry.method,
    entry.caseId,
    entry.detail,
    prevHash,
  ]);
}

export function entryHash(entry: AuditFields, prevHash: string): string {
  return createHash('sha256').update(canonicalEncoding(entry, prevHash), 'utf8').digest('hex');
}

export type ChainBreak =
  /** The entry's own content no longer matches its hash: it was edited. */
  | { seq: number; kind: 'altered' }
  /** The entry does not point at the one before it: entries were removed, inserted or reordered. */
  | { seq: number; kind: 'unlinked' }
  /** The last entry is not the one the store last wrote: entries were removed from the end. */
  | { seq: number; kind: 'truncated' };

export interface ChainReport {
  entries: number;
  firstBreak: ChainBreak | null;
}

/**
 * Walks the chain in order and reports the first broken link. `head` is the last hash the store
 * recorded (kept in `meta`), which catches entries cut off the end of the chain.
 */
export function verifyChain(rows: Iterable<AuditRow>, head?: { seq: number; hash: string } | null): ChainReport {
  let prev = GENESIS_HASH;
  let prevSeq = 0;
  let entries = 0;
  for (const row of rows) {
    entries += 1;
    if (row.prevHash !== prev || row.seq !== prevSeq + 1)
      return { entries, firstBreak: { seq: row.seq, kind: 'unlinked' } };
    if (entryHash(row, row.prevHash) !== row.hash) return { entries, firstBreak: { seq: row.seq, kind: 'altered' } };
    prev = row.hash;
    prevSeq = row.seq;
  }
  if (head && (head.seq > prevSeq || (head.seq === prevSeq && head.hash !== prev))) {
    return { entries, firstBreak: { seq: prevSeq + 1, kind: 'truncated' } };
  }
  return { entries, firstBreak: null };
}
