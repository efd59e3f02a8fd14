import type { Db } from '../../electron/core/db/database';

/**
 * Every row of each ordinary table in the store (the search index's own storage included), as
 * text with blobs decoded, to look for words that must be gone. JSON.stringify alone would turn a
 * blob into an array of byte values before any replacer saw it, and no word would ever be found.
 */
export function storeText(db: Db, exclude: readonly string[] = []): Map<string, string> {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .pluck()
    .all() as string[];
  const out = new Map<string, string>();
  for (const name of names.filter((n) => !exclude.includes(n))) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][];
    out.set(
      name,
      rows.map((r) => r.map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('\t')).join('\n'),
    );
  }
  return out;
}

/** The tables whose text contains `word`, ignoring case (search indexes keep words in lower case). */
export function tablesHolding(db: Db, word: string, exclude: readonly string[] = []): string[] {
  const w = word.toLowerCase();
  return [...storeText(db, exclude)].filter(([, text]) => text.toLowerCase().includes(w)).map(([name]) => name);
}
