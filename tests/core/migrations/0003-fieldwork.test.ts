import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { m0001 } from '../../../electron/core/db/migrations/0001-initial';
import { m0003 } from '../../../electron/core/db/migrations/0003-fieldwork';
import { refreshNoteIndex } from '../../../electron/core/fieldwork/note-index';
import { migrationStores } from '../../helpers/migrations';

const stores = migrationStores();
let db: Db;

const doc = (...texts: string[]) =>
  JSON.stringify({
    type: 'doc',
    content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })),
  });
const search = (q: string) => {
  refreshNoteIndex(db);
  return db
    .prepare(
      'SELECT m.note_id FROM notes_fts f JOIN notes_fts_map m ON m.fts_rowid = f.rowid WHERE notes_fts MATCH ? ORDER BY m.note_id',
    )
    .pluck()
    .all(q);
};

describe('migration 0003 field work', () => {
  it('upgrades a version 1 store, keeping its rows, and gives every synced table a tombstone column', () => {
    db = stores.open();
    migrate(db, [m0001]);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'd1')").run();
    migrate(db, [m0001, m0003]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get()).toBe('d1');
    for (const t of [
      'contacts',
      'notes',
      'wishes_entries',
      'observations',
      'case_actions',
      'safeguarding_records',
      'safeguarding_amendments',
    ]) {
      expect(db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all()).toContain('deleted_at');
      expect(db.prepare(`SELECT count(*) FROM pragma_foreign_key_list('${t}')`).pluck().get()).toBe(0);
    }
  });

  it('indexes note text from any write path (once brought up to date), and follows edits and deletes', () => {
    db = stores.open();
    migrate(db, [m0001, m0003]);
    db.prepare('INSERT INTO notes (id, case_id, title, body) VALUES (?, ?, ?, ?)').run(
      'n1',
      'c1',
      'Placement visit',
      doc('She wants to stay at her school', 'Contact with her nan'),
    );
    db.prepare('INSERT INTO notes (id, case_id, title, body) VALUES (?, ?, ?, ?)').run(
      'n2',
      'c2',
      'Phone call',
      doc('Talked about college'),
    );
    expect(search('school')).toEqual(['n1']);
    expect(search('placement')).toEqual(['n1']);
    db.prepare('UPDATE notes SET body = ? WHERE id = ?').run(doc('Now talking about college too'), 'n1');
    expect(search('school')).toEqual([]);
    expect(search('college')).toEqual(['n1', 'n2']);
    db.prepare("UPDATE notes SET deleted_at = '2026-01-01' WHERE id = 'n2'").run();
    expect(search('college')).toEqual(['n1']);
    db.prepare("DELETE FROM notes WHERE id = 'n1'").run();
    expect(search('college')).toEqual([]);
  });

  it('does not fail a write when a note body is not valid JSON', () => {
    db = stores.open();
    migrate(db, [m0001, m0003]);
    db.prepare("INSERT INTO notes (id, case_id, title, body) VALUES ('n1', 'c1', 'Odd', '{not json')").run();
    expect(search('odd')).toEqual(['n1']);
  });

  it('refuses to tombstone a safeguarding record or change an amendment', () => {
    db = stores.open();
    migrate(db, [m0001, m0003]);
    db.prepare(
      "INSERT INTO safeguarding_records (id, case_id, disclosed_at, disclosure, decision, reason, recorded_at) VALUES ('s1', 'c1', '2026-01-01T10:00', 'x', 'y', 'z', 'now')",
    ).run();
    expect(() => db.prepare("UPDATE safeguarding_records SET deleted_at = 'now' WHERE id = 's1'").run()).toThrow(
      /cannot be deleted/,
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO safeguarding_records (id, case_id, disclosed_at, disclosure, decision, reason, recorded_at, deleted_at) VALUES ('s2', 'c1', 'a', 'x', 'y', 'z', 'now', 'now')",
        )
        .run(),
    ).toThrow(/cannot be deleted/);
    db.prepare(
      "INSERT INTO safeguarding_amendments (id, record_id, case_id, amended_at, reason, changes) VALUES ('a1', 's1', 'c1', 'now', 'typo', '[]')",
    ).run();
    expect(() => db.prepare("UPDATE safeguarding_amendments SET reason = 'other' WHERE id = 'a1'").run()).toThrow(
      /cannot be changed/,
    );
    expect(db.prepare("SELECT deleted_at FROM safeguarding_records WHERE id = 's1'").pluck().get()).toBeNull();
  });
});
