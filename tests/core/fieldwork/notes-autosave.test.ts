import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RichNode } from '../../../shared/domain/fieldwork';
import { HIT_CLOSE, HIT_OPEN } from '../../../shared/domain/fieldwork';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.dispose());

const CASE = 'case-autosave';
const para = (...parts: RichNode[]): RichNode => ({ type: 'paragraph', content: parts });
const words = (text: string): RichNode => ({ type: 'text', text });
const own = (text: string): RichNode => ({ type: 'text', text, marks: [{ type: 'youngPersonWords' }] });
const doc = (...blocks: RichNode[]): RichNode => ({ type: 'doc', content: blocks });

describe('notes: autosave, versions and search through the real store', () => {
  it('keeps every saved version, survives a restart, and restores an earlier one without losing the later', async () => {
    const note = await t.call('fieldwork.notes.create', { caseId: CASE, title: 'Placement visit' });
    const first = doc(para(words('Met at the foster home. ')));
    const second = doc(
      para(words('Met at the foster home. ')),
      para(words('She said: '), own('I want to stay at Oakfield School')),
    );
    expect((await t.call('fieldwork.notes.save', { id: note.id, title: 'Placement visit', body: first })).version).toBe(
      1,
    );
    // An unchanged autosave does not make a new version.
    expect(
      (await t.call('fieldwork.notes.save', { id: note.id, title: 'Placement visit', body: first })).version,
    ).toBeNull();
    expect(
      (await t.call('fieldwork.notes.save', { id: note.id, title: 'Placement visit', body: second, reason: 'blur' }))
        .version,
    ).toBe(2);

    await t.restart();

    const reopened = await t.call('fieldwork.notes.get', { id: note.id });
    expect(reopened.body).toEqual(second);
    const versions = await t.call('fieldwork.notes.versions', { noteId: note.id });
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    const v1 = await t.call('fieldwork.notes.version', { versionId: versions[1]!.id });
    expect(v1.body).toEqual(first);

    const restored = await t.call('fieldwork.notes.restore', { versionId: versions[1]!.id });
    expect(restored.body).toEqual(first);
    const after = await t.call('fieldwork.notes.versions', { noteId: note.id });
    expect(after.map((v) => v.number)).toEqual([3, 2, 1]);
    // The text that was replaced is still there to go back to.
    expect((await t.call('fieldwork.notes.version', { versionId: after[1]!.id })).body).toEqual(second);
  });

  it('finds notes by their words with the matches highlighted, newest first, and forgets deleted notes', async () => {
    const a = await t.call('fieldwork.notes.create', { caseId: 'case-search-1', title: 'Phone call' });
    await t.call('fieldwork.notes.save', {
      id: a.id,
      title: 'Phone call',
      body: doc(para(words('Talked about moving to a new college in September.'))),
    });
    const b = await t.call('fieldwork.notes.create', { caseId: 'case-search-2', title: 'Review' });
    await t.call('fieldwork.notes.save', {
      id: b.id,
      title: 'Review',
      body: doc(para(own('College is going well'), words(' and the bus is fine.'))),
    });

    const hits = await t.call('fieldwork.notes.search', { query: 'college' });
    expect(hits.map((h) => h.noteId)).toEqual([b.id, a.id]);
    expect(hits[1]!.snippet).toContain(`${HIT_OPEN}college${HIT_CLOSE}`);
    // Typing a word part-way finds it; odd punctuation is not a syntax error.
    expect((await t.call('fieldwork.notes.search', { query: 'Septem' })).map((h) => h.noteId)).toEqual([a.id]);
    expect(await t.call('fieldwork.notes.search', { query: '"(AND OR* -' })).toEqual([]);
    expect(
      (await t.call('fieldwork.notes.search', { query: 'college', caseId: 'case-search-1' })).map((h) => h.noteId),
    ).toEqual([a.id]);

    await t.call('fieldwork.notes.remove', { id: a.id });
    expect((await t.call('fieldwork.notes.search', { query: 'college' })).map((h) => h.noteId)).toEqual([b.id]);
    const listed = await t.call('fieldwork.notes.list', { caseId: 'case-search-2' });
    expect(listed[0]!.preview).toContain('College is going well');
  });

  it('refuses a body that is not a document, in plain words', async () => {
    const note = await t.call('fieldwork.notes.create', { caseId: CASE });
    await expect(
      t.call('fieldwork.notes.save', { id: note.id, title: '', body: { type: 'paragraph' } }),
    ).rejects.toThrow(/invalid_input/);
    await expect(t.call('fieldwork.notes.save', { id: 'no-such-note', title: '', body: doc() })).rejects.toThrow(
      /not_found/,
    );
  });

  it('queues each note change for sync as one whole body field', async () => {
    const note = await t.call('fieldwork.notes.create', { caseId: CASE, title: 'Outbox' });
    await t.call('fieldwork.notes.save', { id: note.id, title: 'Outbox', body: doc(para(words('one'))) });
    const rows = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'note' AND entity_id = ? ORDER BY seq")
      .pluck()
      .all(note.id);
    expect(rows.filter((f) => f === 'body')).toHaveLength(2);
    expect(
      t.core.context.db().prepare('SELECT count(*) FROM note_versions WHERE note_id = ?').pluck().get(note.id),
    ).toBe(1);
  });

  it('leaves no note text in plain form anywhere in the data folder', async () => {
    const marker = 'Wolfgang Pemberton-Quist';
    const note = await t.call('fieldwork.notes.create', { caseId: CASE, title: 'Marker' });
    await t.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Marker',
      body: doc(para(own(`${marker} said hello`))),
    });
    t.core.context.db().pragma('wal_checkpoint(TRUNCATE)');
    const files = listFiles(t.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f).includes(Buffer.from('Pemberton', 'utf8')), f).toBe(false);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
