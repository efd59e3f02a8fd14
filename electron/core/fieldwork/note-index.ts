import type { Db } from '../db/database';

// The words of a TipTap document are the string values of its "text" keys, in document order.
const PLAIN_TEXT = `coalesce((SELECT group_concat(value, ' ') FROM json_tree(CASE WHEN json_valid(n.body) THEN n.body ELSE '{}' END)
                              WHERE key = 'text' AND type = 'text'), '')`;

/**
 * Brings the notes search index up to date with every note marked as changed (migration 0003's
 * triggers mark them). Saving stays cheap while typing; the cost is paid once, before a search.
 */
export function refreshNoteIndex(db: Db): number {
  const pending = db.prepare('SELECT count(*) FROM notes_fts_pending').pluck().get() as number;
  if (pending === 0) return 0;
  db.transaction(() => {
    db.exec(`
      DELETE FROM notes_fts WHERE rowid IN (SELECT m.fts_rowid FROM notes_fts_pending p JOIN notes_fts_map m ON m.note_id = p.note_id);
      DELETE FROM notes_fts_map WHERE note_id IN (SELECT p.note_id FROM notes_fts_pending p LEFT JOIN notes n ON n.id = p.note_id WHERE n.id IS NULL);
      INSERT OR IGNORE INTO notes_fts_map (note_id)
        SELECT p.note_id FROM notes_fts_pending p JOIN notes n ON n.id = p.note_id WHERE n.deleted_at IS NULL;
      INSERT INTO notes_fts (rowid, title, body)
        SELECT m.fts_rowid, n.title, ${PLAIN_TEXT}
          FROM notes_fts_pending p JOIN notes n ON n.id = p.note_id JOIN notes_fts_map m ON m.note_id = n.id
         WHERE n.deleted_at IS NULL;
      DELETE FROM notes_fts_pending;
    `);
  }).immediate();
  return pending;
}
