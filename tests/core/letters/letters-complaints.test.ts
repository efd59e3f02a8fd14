import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { plainText } from '../../../shared/templates/tiptap';
import { letterTemplateIds } from '../../../shared/templates';
import { createTestCore, type TestCore } from '../../helpers/test-core';
import { pdfText } from '../pdf/poppler';

let t: TestCore;
let now = new Date('2026-03-12T10:00:00Z');
beforeEach(() => {
  now = new Date('2026-03-12T10:00:00Z');
});
beforeAll(async () => {
  t = await createTestCore({ now: () => now });
  await t.call('caseload.me.setName', { name: 'Sam Okafor' });
});
afterAll(() => t.dispose());

async function newCase(firstName = 'Amira'): Promise<{ caseId: string; reference: string }> {
  const created = await t.call('caseload.referrals.create', {
    person: {
      firstName,
      lastName: 'Haddad',
      preferredName: firstName,
      dateOfBirth: '2010-04-02',
      localAuthority: 'Northshire',
    },
    referral: { referralDate: '2026-02-01', serviceUserType: 'CIC', urgency: 'standard', source: 'self' },
    issues: [{ code: 'CONTACT', description: 'Seeing my brother every week' }],
  });
  const { advocate } = await t.call('caseload.me.get', {});
  await t.call('caseload.allocate', { caseId: created.caseId, advocateId: advocate.id, date: '2026-02-02' });
  return created;
}

describe('complaint tracker', () => {
  it('computes the response due date and flags it once it passes', async () => {
    const { caseId } = await newCase();
    const saved = await t.call('complaints.save', {
      caseId,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      summary: 'Contact cancelled',
    });
    expect(saved.nextDue).toBe('2026-03-16');
    expect(saved.overdue).toBe(false);
    now = new Date('2026-03-17T09:00:00Z');
    const [late] = await t.call('complaints.forCase', { caseId });
    expect(late).toMatchObject({ overdue: true, nextStep: { kind: 'stage2', templateId: 'stage2-request' } });
    const overdue = await t.call('complaints.overdue', {});
    expect(overdue.find((c) => c.id === saved.id)?.caseLabel?.name).toBe('Amira');
    await t.call('complaints.save', {
      id: saved.id,
      caseId,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      responseReceivedOn: '2026-03-17',
      outcome: 'resolved',
    });
    expect((await t.call('complaints.overdue', {})).some((c) => c.id === saved.id)).toBe(false);
  });

  it("puts a case's next complaint deadline in the caseload's next column, before a later meeting and flagged once missed", async () => {
    const { caseId } = await newCase('Bea');
    const next = async () => (await t.call('caseload.list', {})).rows.find((r) => r.caseId === caseId)?.next;
    await t.call('meetings.save', { caseId, type: 'cp_review_conference', date: '2026-03-20' });
    expect(await next()).toMatchObject({ date: '2026-03-20' });
    const c = await t.call('complaints.save', { caseId, stage: 'stage1', receivedOn: '2026-03-02' });
    expect(await next()).toEqual({ date: '2026-03-16', label: "Stage 1 complaint: Council's response" });
    now = new Date('2026-03-17T09:00:00Z');
    expect(await next()).toEqual({ date: '2026-03-16', label: "Stage 1 complaint: Council's response (overdue)" });
    await t.call('complaints.save', {
      id: c.id,
      caseId,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      responseReceivedOn: '2026-03-17',
      outcome: 'resolved',
    });
    expect(await next()).toMatchObject({ date: '2026-03-20' });
  });

  it('accepts an extension only within the regulations and with a reason', async () => {
    const { caseId } = await newCase();
    await expect(
      t.call('complaints.save', {
        caseId,
        stage: 'stage1',
        receivedOn: '2026-03-02',
        extendedTo: 25,
        extensionReason: 'Complex',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      t.call('complaints.save', { caseId, stage: 'stage1', receivedOn: '2026-03-02', extendedTo: 20 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const ok = await t.call('complaints.save', {
      caseId,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      extendedTo: 20,
      extensionReason: 'Several teams involved',
    });
    expect(ok.nextDue).toBe('2026-03-30');
  });

  it('refuses a response dated before the complaint was received', async () => {
    const { caseId } = await newCase();
    await expect(
      t.call('complaints.save', {
        caseId,
        stage: 'stage2',
        receivedOn: '2026-03-02',
        responseReceivedOn: '2026-02-01',
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('writes complaints through the sync outbox', async () => {
    const { caseId } = await newCase();
    const c = await t.call('complaints.save', { caseId, stage: 'stage1', receivedOn: '2026-03-02' });
    const fields = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'complaint' AND entity_id = ?")
      .pluck()
      .all(c.id);
    expect(fields).toEqual(expect.arrayContaining(['case_id', 'stage', 'received_on']));
  });
});

describe('letters', () => {
  it('lists every template, even while locked', async () => {
    const list = await t.call('letters.templates', {});
    expect(list.map((x) => x.id)).toEqual(letterTemplateIds);
  });

  it("creates a letter with the case's details and the complaint's dates filled in", async () => {
    await t.call('letterhead.save', {
      name: 'Northshire Advocacy',
      address: '12 Mill Lane\nNorthtown',
      logoPngBase64: null,
    });
    const { caseId } = await newCase('Yonas');
    await t.call('complaints.save', { caseId, stage: 'stage1', receivedOn: '2026-03-02', councilReference: 'NC-123' });
    const letter = await t.call('letters.create', { caseId, templateId: 'stage2-request' });
    const text = plainText(letter.body);
    expect(text).toContain('Request for a Stage 2 investigation for Yonas');
    expect(text).toContain("Northshire Children's Services");
    expect(text).toContain('02/03/2026');
    expect(text).toContain('16/03/2026');
    expect(text).toContain('NC-123');
    expect(text).toContain('12 March 2026');
    expect(letter.complaintId).not.toBeNull();
  });

  it('saves edits, records when and how it was sent, and lists it on the case', async () => {
    const { caseId } = await newCase();
    const letter = await t.call('letters.create', { caseId, templateId: 'iro-concern' });
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Edited by the advocate.' }] }],
    };
    await t.call('letters.save', { id: letter.id, body, title: 'Concern about contact' });
    await expect(
      t.call('letters.markSent', { id: letter.id, sentOn: '2026-04-10', sentMethod: 'post' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const sent = await t.call('letters.markSent', { id: letter.id, sentOn: '2026-03-10', sentMethod: 'email' });
    expect(sent).toMatchObject({ title: 'Concern about contact', sentOn: '2026-03-10', sentMethod: 'email' });
    expect(plainText(sent.body)).toBe('Edited by the advocate.');
    const list = await t.call('letters.forCase', { caseId });
    expect(list.map((l) => l.id)).toEqual([letter.id]);
    const other = await t.call('letters.create', { caseId, templateId: 'dcs-letter' });
    const unsent = await t.call('letters.unsent', {});
    expect(unsent.map((l) => l.id)).toContain(other.id);
    expect(unsent.map((l) => l.id)).not.toContain(letter.id);
    expect(unsent.find((l) => l.id === other.id)?.caseLabel?.name).toBe('Amira');
  });

  it('exports a PDF with the letterhead and signature, named by case reference not by name', async () => {
    const { caseId, reference } = await newCase('ګلپاڼه');
    const letter = await t.call('letters.create', { caseId, templateId: 'stage1-complaint' });
    const { placeholders } = await t.call('letters.placeholders', { id: letter.id });
    const out = await t.call('letters.exportPdf', { id: letter.id, leave: placeholders });
    expect(out.fileName).toContain(reference.replace(/[^\w-]+/g, '-'));
    expect(out.fileName).not.toContain('ګلپاڼه');
    const text = pdfText(new Uint8Array(Buffer.from(out.base64, 'base64')));
    expect(text).toContain('Northshire Advocacy');
    expect(text).toContain('ګلپاڼه');
    expect(text).toContain('Sam Okafor');
    expect(text).toContain('Confidential');
  });

  it('keeps the letter after a restart and forgets it once deleted', async () => {
    const { caseId } = await newCase();
    const letter = await t.call('letters.create', { caseId, templateId: 'closing-letter' });
    await t.restart();
    expect((await t.call('letters.get', { id: letter.id })).title).toBe('Closing letter to the young person');
    await t.call('letters.remove', { id: letter.id });
    await expect(t.call('letters.get', { id: letter.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});
