import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/domain/ids';
import { agreedStatementDocument } from '../../../electron/core/meetings/statement-export';
import type { TiptapNode } from '../../../electron/core/meetings/statement-document';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const now = new Date('2026-05-04T09:00:00Z');
let meetingId: string;

beforeAll(async () => {
  t = await createTestCore({ now: () => now });
  const caseId = uuidv7();
  const personId = uuidv7();
  t.core.context.write((w) => {
    w.upsert('person', personId, caseId, { first_name: 'Zainab', last_name: 'Quill', kind: 'young_person' });
    w.upsert('referral', caseId, caseId, { reference: 'S-100', person_id: personId, status: 'open' });
  });
  meetingId = (
    await t.call('meetings.save', {
      caseId,
      type: 'cic_review',
      date: '2026-05-06',
      chair: 'Ms Chair',
      notes: 'Advocate-only note',
    })
  ).id;
});
afterAll(() => t.dispose());

const words = (going: string, want = '') => [
  { key: 'going_well', prompt: 'What is going well', text: going },
  { key: 'worried', prompt: 'What I am worried about', text: '' },
  { key: 'want', prompt: 'What I want to happen', text: want },
  { key: 'questions', prompt: 'Questions I want to ask', text: '' },
];

const allText = (n: TiptapNode): string => (n.text ?? '') + (n.content ?? []).map(allText).join(' ');

describe('my views statements', () => {
  it('starts from a template with empty sections and scores readability once there are words', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'my-views' });
    expect(s.sections.map((x) => x.prompt)).toEqual([
      'What is going well',
      'What I am worried about',
      'What I want to happen',
      'Questions I want to ask',
    ]);
    expect(s.versionCount).toBe(0);
    const saved = await t.call('statements.save', {
      id: s.id,
      sections: words('I like my school.'),
      presenter: 'young_person',
    });
    expect(saved.readability?.score).toBeGreaterThan(60);
  });

  it('keeps every saved version and can read any of them back', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'my-views' });
    await t.call('statements.save', { id: s.id, sections: words('First go'), presenter: null });
    await t.call('statements.save', { id: s.id, sections: words('First go'), presenter: null }); // unchanged: no new version
    await t.call('statements.save', {
      id: s.id,
      sections: words('Second go'),
      presenter: 'advocate',
      savedIn: 'young_person_view',
    });
    const versions = await t.call('statements.versions', { id: s.id });
    expect(versions.map((v) => [v.number, v.savedIn])).toEqual([
      [1, 'advocate'],
      [2, 'young_person_view'],
    ]);
    const first = await t.call('statements.version', { versionId: versions[0]!.id });
    expect(first.sections[0]!.text).toBe('First go');
    expect((await t.call('statements.get', { id: s.id })).sections[0]!.text).toBe('Second go');
  });

  it('refuses to export until the young person has agreed, and again after the words change', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'my-views' });
    await expect(t.call('statements.agree', { id: s.id, agreedOn: '2026-05-04', how: 'verbal' })).rejects.toMatchObject(
      { code: 'conflict' },
    );
    await t.call('statements.save', {
      id: s.id,
      sections: words('I want to stay with my carer', 'Stay here'),
      presenter: 'in_writing',
    });
    await expect(t.call('statements.exportPdf', { id: s.id })).rejects.toThrow(/has not agreed it/);
    await expect(
      t.call('statements.agree', { id: s.id, agreedOn: '2026-05-05', how: 'read_back' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });

    const agreed = await t.call('statements.agree', { id: s.id, agreedOn: '2026-05-04', how: 'read_back' });
    expect(agreed.canExport).toBe(true);
    expect(agreed.agreement).toMatchObject({ agreedOn: '2026-05-04', how: 'read_back', current: true });
    expect(() => agreedStatementDocument(t.core.context, s.id)).not.toThrow();

    const changed = await t.call('statements.save', {
      id: s.id,
      sections: words('I want to stay with my carer', 'Stay here please'),
      presenter: 'in_writing',
    });
    expect(changed.canExport).toBe(false);
    expect(changed.agreement?.current).toBe(false);
    await expect(t.call('statements.exportPdf', { id: s.id })).rejects.toThrow(/changed since the young person agreed/);
    const presenterChanged = await t.call('statements.save', {
      id: s.id,
      sections: words('I want to stay with my carer', 'Stay here'),
      presenter: 'advocate',
    });
    expect(presenterChanged.canExport).toBe(false);
  });

  it('builds the agreed words as a document with the young person’s words marked', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'my-views' });
    await t.call('statements.save', {
      id: s.id,
      sections: words('Football on Saturdays', 'See my brother'),
      presenter: 'young_person',
    });
    await t.call('statements.agree', { id: s.id, agreedOn: '2026-05-04', how: 'signed' });
    const { doc, fileName } = agreedStatementDocument(t.core.context, s.id);
    const text = allText(doc);
    expect(text).toContain('Zainab Quill');
    expect(text).toContain('Child in care review, 06/05/2026');
    expect(text).toContain('04/05/2026');
    expect(text).not.toContain('What I am worried about'); // empty sections are left out
    expect(text).not.toContain('Advocate-only note');
    const marked = JSON.stringify(doc).match(/"text":"([^"]+)","marks":\[\{"type":"youngPersonWords"\}\]/g) ?? [];
    expect(marked).toHaveLength(2);
    expect(fileName).not.toContain('Zainab');
  });

  it('gives the young-person view only the words: no name, reference, chair or notes', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'three-houses' });
    const view = await t.call('statements.childView', { id: s.id });
    expect(view.heading).toBe('My views for my care review on 06/05/2026');
    const json = JSON.stringify(view);
    for (const secret of ['Zainab', 'Quill', 'S-100', 'Ms Chair', 'Advocate-only', s.caseId, meetingId])
      expect(json).not.toContain(secret);
  });

  it('refuses two sections with the same key', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'my-views' });
    const dup = [
      { key: 'a', prompt: 'A', text: 'x' },
      { key: 'a', prompt: 'B', text: 'y' },
    ];
    await expect(t.call('statements.save', { id: s.id, sections: dup, presenter: null })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('statement PDF', () => {
  it('exports the agreed words to a PDF whose text can be read back', async () => {
    const s = await t.call('statements.create', { meetingId, templateId: 'my-views' });
    await t.call('statements.save', {
      id: s.id,
      sections: words('I have made friends at youth club', 'Stay at my school'),
      presenter: 'advocate',
    });
    await t.call('statements.agree', { id: s.id, agreedOn: '2026-05-03', how: 'read_back' });
    const { fileName, base64 } = await t.call('statements.exportPdf', { id: s.id });
    expect(fileName).toBe('my-views-2026-05-06.pdf');
    const path = join(t.dataDir, 'export-test.pdf');
    writeFileSync(path, Buffer.from(base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('I have made friends at youth club');
    expect(text).toContain('Stay at my school');
    expect(text).toContain('Zainab Quill');
    expect(text).toMatch(/Confidential/i);
    // The audit trail records that this case's statement left the encrypted store.
    const audit = t.core.context
      .db()
      .prepare("SELECT case_id FROM audit_log WHERE action = 'exported' AND method = 'statements.exportPdf'")
      .pluck()
      .all();
    expect(audit).toContain(s.caseId);
  });
});
