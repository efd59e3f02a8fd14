import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../../shared/templates/tiptap';
import { createTestCore, type TestCore } from '../../helpers/test-core';

/* A letter once sent is a record: locked, corrected only by a new version. Drafts can go and come back. */

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ now: () => new Date('2026-03-20T10:00:00Z') });
  await t.call('caseload.me.setName', { name: 'Sam Okafor' });
});
afterAll(() => t.dispose());

async function newCase(): Promise<string> {
  const created = await t.call('caseload.referrals.create', {
    person: {
      firstName: 'Yonas',
      lastName: 'Tesfaye',
      preferredName: 'Yonas',
      dateOfBirth: '2009-05-01',
      localAuthority: 'Northshire',
    },
    referral: { referralDate: '2026-02-01', serviceUserType: 'CIC', urgency: 'standard', source: 'self' },
    issues: [{ code: 'CONTACT', description: 'Seeing my sister', wantedOutcome: 'Contact every fortnight' }],
  });
  return created.caseId;
}

const edited = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Edited after sending.' }] }],
};

describe('a sent letter', () => {
  it('is locked: no edit, no filling in, no deletion', async () => {
    const caseId = await newCase();
    const letter = await t.call('letters.create', {
      caseId,
      templateId: 'iro-concern',
      ownWords: 'I want to see my sister.',
    });
    await t.call('letters.save', {
      id: letter.id,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dear IRO, [date]' }] }] },
    });
    await expect(
      t.call('letters.markSent', { id: letter.id, sentOn: '2026-04-10', sentMethod: 'post', leave: ['[date]'] }),
    ).rejects.toMatchObject({ code: 'invalid_input', fields: { sentOn: expect.any(String) } });
    const sent = await t.call('letters.markSent', {
      id: letter.id,
      sentOn: '2026-03-19',
      sentMethod: 'email',
      leave: ['[date]'],
    });
    expect(sent).toMatchObject({ sentOn: '2026-03-19', sentMethod: 'email', version: 1 });
    await expect(t.call('letters.save', { id: letter.id, body: edited })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Write a correction'),
    });
    await expect(
      t.call('letters.fillPlaceholders', { id: letter.id, fills: { '[date]': '1 April' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      t.call('letters.markSent', { id: letter.id, sentOn: '2026-03-20', sentMethod: 'post', leave: ['[date]'] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(t.call('letters.remove', { id: letter.id })).rejects.toMatchObject({ code: 'conflict' });
    expect(plainText((await t.call('letters.get', { id: letter.id })).body)).toBe('Dear IRO, [date]');
  });

  it('is corrected by a new version that says what changed, and the old one points to it', async () => {
    const caseId = await newCase();
    const letter = await t.call('letters.create', {
      caseId,
      templateId: 'iro-concern',
      ownWords: 'I want to see my sister.',
    });
    const { placeholders } = await t.call('letters.placeholders', { id: letter.id });
    await t.call('letters.markSent', { id: letter.id, sentOn: '2026-03-19', sentMethod: 'email', leave: placeholders });
    await expect(t.call('letters.correct', { id: letter.id, changeNote: ' ' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const v2 = await t.call('letters.correct', { id: letter.id, changeNote: 'The date of birth was wrong' });
    expect(v2).toMatchObject({
      version: 2,
      versionOf: letter.id,
      changeNote: 'The date of birth was wrong',
      sentOn: null,
    });
    expect(plainText(v2.body)).toContain(
      'Correction: this letter replaces our letter of 19 March 2026. The date of birth was wrong.',
    );
    expect((await t.call('letters.get', { id: letter.id })).correctedBy).toBe(v2.id);
    await expect(t.call('letters.correct', { id: letter.id, changeNote: 'Again' })).rejects.toMatchObject({
      code: 'conflict',
    });
    // The correction is a draft: it can be edited, then sent and locked in its turn.
    await t.call('letters.save', { id: v2.id, body: edited });
    expect(plainText((await t.call('letters.get', { id: letter.id })).body)).not.toContain('Edited after sending.');
    const list = await t.call('letters.forCase', { caseId });
    expect(list.map((l) => [l.version, l.sentOn])).toEqual([
      [2, null],
      [1, '2026-03-19'],
    ]);
  });
});

describe('a draft', () => {
  it('can be deleted and brought back', async () => {
    const caseId = await newCase();
    const letter = await t.call('letters.create', { caseId, templateId: 'closing-letter' });
    expect(await t.call('letters.remove', { id: letter.id })).toEqual({ removed: true });
    expect((await t.call('letters.forCase', { caseId })).map((l) => l.id)).toEqual([]);
    expect((await t.call('letters.unsent', {})).map((l) => l.id)).not.toContain(letter.id);
    const back = await t.call('letters.restore', { id: letter.id });
    expect(back.id).toBe(letter.id);
    expect((await t.call('letters.forCase', { caseId })).map((l) => l.id)).toEqual([letter.id]);
    await expect(t.call('letters.restore', { id: letter.id })).rejects.toMatchObject({ code: 'not_found' });
    const deleted = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'letter' AND entity_id = ? AND field = 'deleted_at'")
      .pluck()
      .all(letter.id);
    expect(deleted).toHaveLength(2);
  });
});

describe('a Stage 1 letter written before the complaint was recorded', () => {
  it('records the complaint as it is sent: one record, dated the day it was sent, with the letter on it', async () => {
    const caseId = await newCase();
    const letter = await t.call('letters.create', {
      caseId,
      templateId: 'stage1-complaint',
      ownWords: 'I want to see my sister.',
    });
    expect(letter.complaintId).toBeNull();
    const { placeholders } = await t.call('letters.placeholders', { id: letter.id });
    expect(placeholders).toContain('[date the response was due]');
    const sent = await t.call('letters.markSent', {
      id: letter.id,
      sentOn: '2026-03-18',
      sentMethod: 'hand',
      leave: placeholders,
    });
    const [complaint] = await t.call('complaints.forCase', { caseId });
    expect(complaint).toMatchObject({
      stage: 'stage1',
      receivedOn: '2026-03-18',
      summary: 'Seeing my sister',
      escalatedFrom: null,
      nextDue: '2026-04-01',
    });
    expect(sent.complaintId).toBe(complaint!.id);
    expect(complaint!.letters).toEqual([
      { id: letter.id, title: 'Stage 1 complaint', version: 1, sentOn: '2026-03-18', sentMethod: 'hand' },
    ]);
    const fields = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'letter' AND entity_id = ?")
      .pluck()
      .all(letter.id);
    expect(fields).toEqual(expect.arrayContaining(['sent_on', 'complaint_id', 'placeholders_left']));
  });
});
