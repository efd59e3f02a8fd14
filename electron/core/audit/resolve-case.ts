import type { Db } from '../db/database';

/**
 * Finds the case a record belongs to, for calls whose audit declaration names a record rather than
 * the case (a note's `id`, a `letterId`, an `issueId`…): any table with an `id` and a `case_id` (or
 * `referral_id`) column is asked, and a record kept under such a record (`note_id` → `notes`), so
 * records added by later features are found without registering them.
 */
interface Lookup {
  schemaVersion: number;
  statements: { get(id: string): unknown }[];
}

const cache = new WeakMap<Db, Lookup>();

function lookupsFor(db: Db): Lookup['statements'] {
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  const cached = cache.get(db);
  if (cached && cached.schemaVersion === schemaVersion) return cached.statements;
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .pluck()
    .all() as string[];
  const statements: Lookup['statements'] = [];
  const parents: { table: string; cols: string[] }[] = [];
  for (const t of tables) {
    if (t === 'audit_log' || t === 'outbox') continue;
    const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[];
    if (!cols.includes('id')) continue;
    const link = cols.includes('case_id') ? 'case_id' : cols.includes('referral_id') ? 'referral_id' : null;
    if (link) statements.push(db.prepare(`SELECT "${link}" FROM ${quote(t)} WHERE id = ?`).pluck());
    else parents.push({ table: t, cols });
  }
  // One step further for records kept under another record (a note's versions under the note).
  const withCase = new Set(
    tables.filter((t) =>
      (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).includes('case_id'),
    ),
  );
  for (const { table, cols } of parents) {
    for (const col of cols.filter((c) => c.endsWith('_id') && c !== 'case_id')) {
      const parent = `${col.slice(0, -3)}s`;
      if (withCase.has(parent))
        statements.push(
          db
            .prepare(
              `SELECT p.case_id FROM ${quote(table)} c JOIN ${quote(parent)} p ON p.id = c."${col}" WHERE c.id = ?`,
            )
            .pluck(),
        );
    }
  }
  cache.set(db, { schemaVersion, statements });
  return statements;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function resolveCaseId(db: Db, input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const candidates = Object.entries(input as Record<string, unknown>)
    .filter(([k, v]) => (k === 'id' || /Id$/.test(k)) && typeof v === 'string' && v.length > 0 && v.length <= 200)
    .map(([, v]) => v as string);
  if (candidates.length === 0) return null;
  for (const get of lookupsFor(db)) {
    for (const id of candidates) {
      const found = get.get(id);
      if (typeof found === 'string' && found.length > 0) return found;
    }
  }
  return null;
}
