import type { Db } from '../db/database';

/**
 * Erases everything held about one case, found generically so that tables added by any feature
 * are covered without registering them:
 * 1. the case itself (`referrals.id`) and every row of a table with a `case_id` or `referral_id`
 *    column that names it;
 * 2. then, repeatedly, every row of any table with an `…_id` column (or `entity_id`) that points at
 *    a row already erased: old versions, amendments, outbox and sync bookkeeping, search keys;
 * 3. search-index entries: an FTS5 table's rows are removed through its map table (a table named
 *    like the index, with an integer key and an `…_id` column), and the index is then optimised
 *    so the deleted words do not linger in its segments;
 * 4. the person, when no other case of theirs is left.
 * The audit trail is left alone: it holds ids and times, and keeps that the erasure happened.
 */
const NEVER = new Set(['audit_log', 'meta', 'drafts']);
/** Columns that name something other than a record of the case (devices, users, organisations). */
const NOT_RECORD_LINKS = new Set([
  'device_id',
  'user_id',
  'organisation_id',
  'mutation_id',
  'edit_device',
  'kept_device',
]);

interface TableInfo {
  name: string;
  columns: { name: string; type: string; pk: number }[];
}

function tables(db: Db): { plain: TableInfo[]; fts: string[] } {
  const all = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  const fts = all
    .filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '') && /USING\s+fts5/i.test(t.sql ?? ''))
    .map((t) => t.name);
  const virtual = new Set(all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name));
  // FTS5 keeps its index in these shadow tables; a feature's own map table (e.g. `notes_fts_map`) is not one.
  const shadow = (name: string) =>
    [...virtual].some((v) => ['data', 'idx', 'content', 'docsize', 'config'].some((s) => name === `${v}_${s}`));
  const plain = all
    .filter((t) => !virtual.has(t.name) && !shadow(t.name) && !NEVER.has(t.name))
    .map((t) => ({
      name: t.name,
      columns: db.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(t.name) as TableInfo['columns'],
    }));
  return { plain, fts };
}

/** For an FTS5 table `x_fts`, the plain tables that map its integer rowids to record ids. */
function ftsMaps(fts: string[], plain: TableInfo[]): Map<string, { fts: string; intCol: string; idCol: string }[]> {
  const out = new Map<string, { fts: string; intCol: string; idCol: string }[]>();
  for (const index of fts) {
    const stem = index.replace(/_fts$/, '');
    for (const t of plain) {
      if (!t.name.startsWith(`${stem}_`)) continue;
      const intCol = t.columns.find((c) => c.pk === 1 && /^INT/i.test(c.type));
      const idCol = t.columns.find((c) => /_id$/.test(c.name));
      if (!intCol || !idCol) continue;
      out.set(t.name, [...(out.get(t.name) ?? []), { fts: index, intCol: intCol.name, idCol: idCol.name }]);
    }
  }
  return out;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface EraseResult {
  rowsRemoved: number;
  personErased: boolean;
}

/** Runs inside the caller's transaction. */
export function eraseCase(db: Db, caseId: string): EraseResult {
  const { plain, fts } = tables(db);
  const maps = ftsMaps(fts, plain);
  const erased = new Set<string>([caseId]);
  let rowsRemoved = 0;

  const personIds = plain.some((t) => t.name === 'referrals' && t.columns.some((c) => c.name === 'person_id'))
    ? (db
        .prepare('SELECT person_id FROM referrals WHERE id = ? AND person_id IS NOT NULL')
        .pluck()
        .all(caseId) as string[])
    : [];

  const removeWhere = (t: TableInfo, column: string, ids: string[]): number => {
    if (ids.length === 0) return 0;
    let n = 0;
    const hasId = t.columns.some((c) => c.name === 'id');
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const marks = chunk.map(() => '?').join(', ');
      for (const m of maps.get(t.name) ?? []) {
        if (m.idCol !== column) continue;
        db.prepare(
          `DELETE FROM ${quote(m.fts)} WHERE rowid IN (SELECT ${quote(m.intCol)} FROM ${quote(t.name)} WHERE ${quote(column)} IN (${marks}))`,
        ).run(...chunk);
      }
      if (hasId) {
        const found = db
          .prepare(`SELECT id FROM ${quote(t.name)} WHERE ${quote(column)} IN (${marks})`)
          .pluck()
          .all(...chunk) as unknown[];
        for (const id of found) if (typeof id === 'string') erased.add(id);
      }
      n += db.prepare(`DELETE FROM ${quote(t.name)} WHERE ${quote(column)} IN (${marks})`).run(...chunk).changes;
    }
    return n;
  };

  // Fixed point: each pass may erase rows whose ids other tables point at. Triggers may add rows
  // (e.g. a "reindex this note" marker) that a later pass then removes.
  for (let pass = 0; pass < 20; pass++) {
    let changed = 0;
    const ids = [...erased];
    for (const t of plain) {
      for (const c of t.columns) {
        const link =
          c.name === 'case_id' ||
          c.name === 'referral_id' ||
          c.name === 'entity_id' ||
          (/_id$/.test(c.name) && !NOT_RECORD_LINKS.has(c.name) && c.name !== 'person_id');
        if (link) changed += removeWhere(t, c.name, ids);
      }
      if (t.name === 'referrals') changed += removeWhere(t, 'id', [caseId]);
    }
    rowsRemoved += changed;
    if (changed === 0) break;
  }

  // Unsaved text typed into a case's forms is kept under a draft key that names the case or record.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'drafts'").get()) {
    const dropDrafts = db.prepare('DELETE FROM drafts WHERE instr(key, ?) > 0');
    for (const id of erased) rowsRemoved += dropDrafts.run(id).changes;
  }

  let personErased = false;
  const people = plain.find((t) => t.name === 'people');
  if (people) {
    for (const personId of personIds) {
      const stillHeld = db.prepare('SELECT 1 FROM referrals WHERE person_id = ? LIMIT 1').get(personId);
      if (stillHeld) continue;
      erased.add(personId);
      rowsRemoved += removeWhere(people, 'id', [personId]);
      for (const t of plain) {
        for (const c of t.columns)
          if (c.name === 'person_id' || c.name === 'entity_id') rowsRemoved += removeWhere(t, c.name, [personId]);
      }
      personErased = true;
    }
  }
  return { rowsRemoved, personErased };
}

/**
 * Removes the search-index entries of these records (found through each index's map table, as
 * the erasure does), for a record removed outside a whole-case erasure. Ids are UUIDs, so an id
 * names the same record in every map.
 */
export function forgetSearchEntries(db: Db, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const { plain, fts } = tables(db);
  const marks = ids.map(() => '?').join(', ');
  for (const [table, maps] of ftsMaps(fts, plain)) {
    for (const m of maps) {
      db.prepare(
        `DELETE FROM ${quote(m.fts)} WHERE rowid IN (SELECT ${quote(m.intCol)} FROM ${quote(table)} WHERE ${quote(m.idCol)} IN (${marks}))`,
      ).run(...ids);
      db.prepare(`DELETE FROM ${quote(table)} WHERE ${quote(m.idCol)} IN (${marks})`).run(...ids);
    }
  }
}

/**
 * Merges every search index's segments, which drops the words of deleted entries (FTS5 keeps them
 * until then). With secure_delete on, that is all a single removed record needs.
 */
export function optimizeSearchIndexes(db: Db): void {
  for (const index of tables(db).fts)
    db.prepare(`INSERT INTO ${quote(index)} (${quote(index)}) VALUES ('optimize')`).run();
}

/** After erasing: merge FTS segments (dropping deleted terms), then rebuild the file so freed pages hold nothing. */
export function compactAfterErase(db: Db): void {
  optimizeSearchIndexes(db);
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
