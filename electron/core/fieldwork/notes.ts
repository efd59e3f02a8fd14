import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  emptyDoc,
  type Note,
  type NoteSummary,
  type NoteVersion,
  type RichNode,
} from '../../../shared/domain/fieldwork';
import { uuidv7 } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { FieldValue } from '../db/mutations';
import { caseOf, type FieldCtx } from './context';
import { refreshNoteIndex } from './note-index';

/**
 * Notes: the body is TipTap JSON stored whole in one synced field. Each save that changes the text
 * also keeps the saved text as a numbered version (local, deflated), so any earlier state can be
 * opened and restored.
 */

interface NoteRow {
  id: string;
  case_id: string;
  contact_id: string | null;
  title: string;
  body: string;
  created_at: string | null;
  updated_at: string | null;
  version_count: number;
}

const VERSION_COUNT = '(SELECT count(*) FROM note_versions v WHERE v.note_id = n.id) AS version_count';

function readNote(db: Db, id: string): Note {
  const r = db.prepare(`SELECT n.*, ${VERSION_COUNT} FROM notes n WHERE n.id = ? AND n.deleted_at IS NULL`).get(id) as
    NoteRow | undefined;
  if (!r)
    throw new AppError(
      'not_found',
      'This note could not be found. It may have been deleted, perhaps on another device.',
    );
  return {
    id: r.id,
    caseId: r.case_id,
    contactId: r.contact_id,
    title: r.title,
    body: JSON.parse(r.body) as RichNode,
    createdAt: r.created_at ?? '',
    updatedAt: r.updated_at ?? r.created_at ?? '',
    versionCount: r.version_count,
  };
}

export function getNote(ctx: FieldCtx, id: string): Note {
  return readNote(ctx.db(), id);
}

export function listNotes(ctx: FieldCtx, caseId: string): NoteSummary[] {
  // The preview comes from the search index's copy of the plain text, so the JSON is not parsed here.
  const db = ctx.db();
  refreshNoteIndex(db);
  const rows = db
    .prepare(
      `SELECT n.id, n.case_id, n.contact_id, n.title, n.created_at, n.updated_at, ${VERSION_COUNT},
              (SELECT substr(f.body, 1, 240) FROM notes_fts f WHERE f.rowid = m.fts_rowid) AS preview
         FROM notes n LEFT JOIN notes_fts_map m ON m.note_id = n.id
        WHERE n.case_id = ? AND n.deleted_at IS NULL
        ORDER BY n.updated_at DESC`,
    )
    .all(caseId) as (Omit<NoteRow, 'body'> & { preview: string | null })[];
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    contactId: r.contact_id,
    title: r.title,
    preview: r.preview ?? '',
    updatedAt: r.updated_at ?? r.created_at ?? '',
    versionCount: r.version_count,
  }));
}

export function createNote(ctx: FieldCtx, caseId: string, contactId: string | null, title: string): Note {
  const at = ctx.now().toISOString();
  return ctx.write((w, db) => {
    const id = uuidv7();
    w.upsert('note', id, caseId, {
      case_id: caseId,
      contact_id: contactId,
      title,
      body: emptyDoc() as unknown as FieldValue,
      created_at: at,
      updated_at: at,
    });
    return readNote(db, id);
  });
}

/** Saves the note and keeps the text as a new version; an unchanged note is left alone. */
export function saveNote(
  ctx: FieldCtx,
  id: string,
  title: string,
  body: RichNode,
  reason: string,
): { savedAt: string; version: number | null } {
  const savedAt = ctx.now().toISOString();
  const bodyText = JSON.stringify(body);
  return ctx.write((w, db) => {
    const row = db.prepare('SELECT case_id, title, body FROM notes WHERE id = ? AND deleted_at IS NULL').get(id) as
      { case_id: string; title: string; body: string } | undefined;
    if (!row)
      throw new AppError(
        'not_found',
        'This note could not be found, so it was not saved. It may have been deleted on another device.',
      );
    if (row.title === title && row.body === bodyText) return { savedAt, version: null };
    w.upsert('note', id, row.case_id, { title, body: body as unknown as FieldValue, updated_at: savedAt });
    const version = keepVersion(db, id, title, bodyText, savedAt, reason);
    return { savedAt, version };
  });
}

function keepVersion(db: Db, noteId: string, title: string, bodyText: string, savedAt: string, reason: string): number {
  const last = db.prepare('SELECT max(number) FROM note_versions WHERE note_id = ?').pluck().get(noteId) as
    number | null;
  const number = (last ?? 0) + 1;
  db.prepare(
    'INSERT INTO note_versions (id, note_id, number, title, body, saved_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(uuidv7(), noteId, number, title, deflateRawSync(Buffer.from(bodyText, 'utf8'), { level: 1 }), savedAt, reason);
  return number;
}

export function listVersions(ctx: FieldCtx, noteId: string): NoteVersion[] {
  return ctx
    .db()
    .prepare(
      'SELECT id, number, title, saved_at AS savedAt, reason FROM note_versions WHERE note_id = ? ORDER BY number DESC',
    )
    .all(noteId) as NoteVersion[];
}

export function getVersion(ctx: FieldCtx, versionId: string): NoteVersion & { body: RichNode; noteId: string } {
  const r = ctx
    .db()
    .prepare('SELECT id, note_id, number, title, body, saved_at, reason FROM note_versions WHERE id = ?')
    .get(versionId) as
    | { id: string; note_id: string; number: number; title: string; body: Buffer; saved_at: string; reason: string }
    | undefined;
  if (!r) throw new AppError('not_found', 'That earlier version could not be found.');
  const body = JSON.parse(inflateRawSync(r.body).toString('utf8')) as RichNode;
  return { id: r.id, noteId: r.note_id, number: r.number, title: r.title, savedAt: r.saved_at, reason: r.reason, body };
}

export function restoreVersion(ctx: FieldCtx, versionId: string): Note {
  const v = getVersion(ctx, versionId);
  saveNote(ctx, v.noteId, v.title, v.body, `restore:${v.number}`);
  return readNote(ctx.db(), v.noteId);
}

export function removeNote(ctx: FieldCtx, id: string): { removed: boolean } {
  return ctx.write((w, db) => {
    w.remove('note', id, caseOf(db, 'notes', id, 'note'));
    return { removed: true };
  });
}
