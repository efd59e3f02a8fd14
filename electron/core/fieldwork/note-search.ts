import { HIT_CLOSE, HIT_OPEN, type SearchHit } from '../../../shared/domain/fieldwork';
import type { FieldCtx } from './context';
import { refreshNoteIndex } from './note-index';

/**
 * Turns what the advocate typed into an FTS5 query that cannot be a syntax error: quoted phrases
 * stay phrases and every other word is a term. With `prefixLast`, the last word (when the input
 * does not end in a space) also matches as the start of a longer word, for results while typing.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string, prefixLast = true): string | null {
  const parts: string[] = [];
  const phrase = /"([^"]*)"/g;
  const rest = input.replace(phrase, (_, p: string) => {
    const words = wordsOf(p);
    if (words.length) parts.push(`"${words.join(' ')}"`);
    return ' ';
  });
  const words = wordsOf(rest);
  const open = prefixLast && !/\s$/.test(input);
  words.forEach((w, i) => parts.push(open && i === words.length - 1 ? `"${w}"*` : `"${w}"`));
  return parts.length ? parts.join(' ') : null;
}

const wordsOf = (s: string): string[] => s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

type Row = SearchHit & { r: number };

/**
 * Newest matching notes first, with the matched words wrapped in HIT_OPEN … HIT_CLOSE.
 * Whole words are searched first. A prefix query has to gather every matching word's postings
 * before it can return anything (tens of milliseconds for a common word over 200,000 notes), so
 * it runs only when whole words have not already filled the page.
 */
export function searchNotes(ctx: FieldCtx, query: string, caseId: string | undefined, limit: number): SearchHit[] {
  const exact = toFtsQuery(query, false);
  if (!exact) return [];
  const db = ctx.db();
  refreshNoteIndex(db);
  const byCase = caseId === undefined ? '' : 'AND n.case_id = ?';
  const statement = db.prepare(
    `SELECT notes_fts.rowid AS r, m.note_id AS noteId, n.case_id AS caseId, n.title AS title,
            coalesce(n.updated_at, n.created_at, '') AS updatedAt, snippet(notes_fts, -1, ?, ?, '…', 24) AS snippet
       FROM notes_fts
       JOIN notes_fts_map m ON m.fts_rowid = notes_fts.rowid
       JOIN notes n ON n.id = m.note_id
      WHERE notes_fts MATCH ? AND n.deleted_at IS NULL ${byCase}
      ORDER BY notes_fts.rowid DESC
      LIMIT ?`,
  );
  const run = (fts: string): Row[] =>
    statement.all(HIT_OPEN, HIT_CLOSE, fts, ...(caseId === undefined ? [] : [caseId]), limit) as Row[];
  let rows = run(exact);
  const prefix = toFtsQuery(query, true);
  if (rows.length < limit && prefix && prefix !== exact) {
    const seen = new Set(rows.map((h) => h.r));
    rows = [...rows, ...run(prefix).filter((h) => !seen.has(h.r))].sort((a, b) => b.r - a.r).slice(0, limit);
  }
  return rows.map(({ r: _r, ...hit }) => hit);
}
