import { inflateRawSync } from 'node:zlib';
import type { Db } from '../db/database';

/**
 * Everything held about one person, found generically (the same discovery as retention's
 * erasure): their `people` row, every case that is theirs, every row of any table that names one
 * of those cases (`case_id`/`referral_id`), then rows linked by an `…_id` column to a row already
 * found (note versions, safeguarding amendments, statement versions…), unsaved drafts that name
 * them, and the audit trail of who opened, changed or exported those cases.
 * Sync and search bookkeeping (outbox, field versions, parked fields, FTS maps) are copies of the
 * same data or ids, so they are left out of the bundle.
 */
const BOOKKEEPING = /^(outbox|field_versions|sync_|audit_log$|meta$|drafts$|caseload_search_keys$)|_fts_/;
const NOT_RECORD_LINKS = new Set(['device_id', 'user_id', 'organisation_id', 'mutation_id', 'person_id']);

export type Row = Record<string, unknown>;

export interface SubjectAccessData {
  person: Row | null;
  cases: { caseId: string; reference: string | null; records: Record<string, Row[]> }[];
  drafts: Row[];
  accessLog: Row[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Stored bytes are usually deflated text (old note versions): give the person the words, not the bytes. */
function fromBytes(v: Buffer): unknown {
  let textValue: string | null = null;
  try {
    textValue = inflateRawSync(v).toString('utf8');
  } catch {
    const asText = v.toString('utf8');
    if (!asText.includes('\uFFFD')) textValue = asText;
  }
  if (textValue === null) return v.toString('base64');
  try {
    return JSON.parse(textValue) as unknown;
  } catch {
    return textValue;
  }
}

/** Text that is JSON (rich-text bodies, lists) is returned parsed, so the file reads as data. */
function readable(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (Buffer.isBuffer(v)) {
      out[k] = fromBytes(v);
      continue;
    }
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v) as unknown;
        continue;
      } catch {
        // Not JSON after all: keep the text.
      }
    }
    out[k] = v;
  }
  return out;
}

function plainTables(db: Db): { name: string; columns: string[] }[] {
  const all = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  return all
    .filter((t) => !/^CREATE VIRTUAL TABLE/i.test(t.sql ?? '') && !BOOKKEEPING.test(t.name))
    .map((t) => ({
      name: t.name,
      columns: db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[],
    }));
}

function gatherCase(db: Db, tables: { name: string; columns: string[] }[], caseId: string): Record<string, Row[]> {
  const found = new Map<string, Map<string, Row>>();
  const ids = new Set<string>([caseId]);
  const add = (table: string, rows: Row[]): number => {
    let added = 0;
    const bucket = found.get(table) ?? new Map<string, Row>();
    for (const r of rows) {
      const key = typeof r.id === 'string' ? r.id : JSON.stringify(r);
      if (bucket.has(key)) continue;
      bucket.set(key, r);
      if (typeof r.id === 'string') ids.add(r.id);
      added += 1;
    }
    found.set(table, bucket);
    return added;
  };
  for (let pass = 0; pass < 10; pass++) {
    let added = 0;
    const current = [...ids];
    for (const t of tables) {
      if (t.name === 'people') continue;
      if (t.name === 'referrals') {
        added += add(t.name, db.prepare('SELECT * FROM referrals WHERE id = ?').all(caseId) as Row[]);
        continue;
      }
      for (const c of t.columns) {
        const link =
          c === 'case_id' || c === 'referral_id' || c === 'entity_id' || (/_id$/.test(c) && !NOT_RECORD_LINKS.has(c));
        if (!link) continue;
        for (let i = 0; i < current.length; i += 500) {
          const chunk = current.slice(i, i + 500);
          const rows = db
            .prepare(`SELECT * FROM ${quote(t.name)} WHERE ${quote(c)} IN (${chunk.map(() => '?').join(', ')})`)
            .all(...chunk) as Row[];
          added += add(t.name, rows);
        }
      }
    }
    if (added === 0) break;
  }
  const out: Record<string, Row[]> = {};
  for (const [table, rows] of [...found.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (rows.size > 0) out[table] = [...rows.values()].map(readable);
  }
  return out;
}

const hasTable = (db: Db, name: string) =>
  Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

/** Finds the person from a case of theirs or their own id; null when neither is held. */
export function personIdFor(
  db: Db,
  ref: { personId?: string | undefined; caseId?: string | undefined },
): string | null {
  if (!hasTable(db, 'people')) return null;
  if (ref.personId)
    return (db.prepare('SELECT id FROM people WHERE id = ?').pluck().get(ref.personId) as string | undefined) ?? null;
  if (ref.caseId && hasTable(db, 'referrals'))
    return (
      (db.prepare('SELECT person_id FROM referrals WHERE id = ?').pluck().get(ref.caseId) as
        string | null | undefined) ?? null
    );
  return null;
}

export function gatherSubjectAccess(db: Db, personId: string): SubjectAccessData {
  const tables = plainTables(db);
  const person = (db.prepare('SELECT * FROM people WHERE id = ?').get(personId) as Row | undefined) ?? null;
  const caseRows = hasTable(db, 'referrals')
    ? (db
        .prepare('SELECT id, reference FROM referrals WHERE person_id = ? ORDER BY referral_date, reference')
        .all(personId) as { id: string; reference: string | null }[])
    : [];
  const cases = caseRows.map((c) => ({ caseId: c.id, reference: c.reference, records: gatherCase(db, tables, c.id) }));
  const everyId = new Set<string>([
    personId,
    ...cases.flatMap((c) => [
      c.caseId,
      ...Object.values(c.records).flatMap((rows) =>
        rows.map((r) => r.id).filter((v): v is string => typeof v === 'string'),
      ),
    ]),
  ]);
  const drafts = hasTable(db, 'drafts')
    ? (db.prepare('SELECT key, content, saved_at FROM drafts').all() as Row[])
        .filter((d) => [...everyId].some((id) => String(d.key).includes(id)))
        .map(readable)
    : [];
  const caseIds = cases.map((c) => c.caseId);
  const accessLog =
    caseIds.length > 0 && hasTable(db, 'audit_log')
      ? (db
          .prepare(
            `SELECT seq, at, device_id AS deviceId, action, method, case_id AS caseId FROM audit_log WHERE case_id IN (${caseIds.map(() => '?').join(', ')}) ORDER BY seq`,
          )
          .all(...caseIds) as Row[])
      : [];
  return { person: person ? readable(person) : null, cases, drafts, accessLog };
}
