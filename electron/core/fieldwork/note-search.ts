import { HIT_CLOSE, HIT_OPEN, type SearchHit } from '../../../shared/domain/fieldwork';
import type { FieldCtx } from './context';
import { refreshNoteIndex } from './note-index';

/**
 * Turns what the advocate typed into an FTS5 query that cannot be a syntax error: quoted phrases
 * stay phrases, every other word is a term, and the last word matches as a prefix (so results
 * appear while typing). Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const phrase = /"([^"]*)"/g;
  const rest = input.replace(phrase, (_, p: string) => {
    const words = wordsOf(p);
    if (words.length) parts.push(`"${words.join(' ')}"`);
    return ' ';
  });
  const words = wordsOf(rest);
  words.forEach((w, i) => parts.push(i === words.length - 1 && !/\s$/.test(input) ? `"${w}"*` : `"${w}"`));
  return parts.length ? parts.join(' ') : null;
}

const wordsOf = (s: string): string[] => s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];

/** Newest matching notes first, with the matched words wrapped in HIT_OPEN … HIT_CLOSE. */
export function searchNotes(ctx: FieldCtx, query: string, caseId: string | undefined, limit: number): SearchHit[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  refreshNoteIndex(ctx.db());
  const byCase = caseId === undefined ? '' : 'AND n.case_id = ?';
  const rows = ctx
    .db()
    .prepare(
      `SELECT m.note_id AS noteId, n.case_id AS caseId, n.title AS title, coalesce(n.updated_at, n.created_at, '') AS updatedAt,
              snippet(notes_fts, -1, ?, ?, '…', 24) AS snippet
         FROM notes_fts
         JOIN notes_fts_map m ON m.fts_rowid = notes_fts.rowid
         JOIN notes n ON n.id = m.note_id
        WHERE notes_fts MATCH ? AND n.deleted_at IS NULL ${byCase}
        ORDER BY notes_fts.rowid DESC
        LIMIT ?`,
    )
    .all(HIT_OPEN, HIT_CLOSE, fts, ...(caseId === undefined ? [] : [caseId]), limit) as SearchHit[];
  return rows;
}
