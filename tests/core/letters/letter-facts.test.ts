import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../../shared/templates/tiptap';
import { createTestCore, type TestCore } from '../../helpers/test-core';
import { pdfText } from '../pdf/poppler';

/*
 * A Stage 1 letter written from a recorded complaint, on a case that holds the facts, needs no
 * retyping: legal name and name used, pronouns, date of birth, council and its complaints address,
 * the issue, the outcome wanted, the young person's own words and every complaint date.
 */

let t: TestCore;
const now = new Date('2026-03-20T10:00:00Z');
beforeAll(async () => {
  t = await createTestCore({ now: () => now });
  await t.call('caseload.me.setName', { name: 'Sam Okafor' });
  await t.call('letterhead.save', {
    name: 'Northshire Advocacy',
    address: '12 Mill Lane\nNorthtown',
    logoPngBase64: null,
  });
  await t.call('councils.save', {
    council: 'Northshire',
    complaintsAddress: 'Complaints Team\nCounty Hall\nNorthtown NT1 1AA',
  });
});
afterAll(() => t.dispose());

interface CaseOptions {
  firstName?: string;
  lastName?: string;
  preferredName?: string;
  pronouns?: string | null;
  dateOfBirth?: string | null;
  wantedOutcome?: string | null;
}

async function newCase(o: CaseOptions = {}): Promise<string> {
  const created = await t.call('caseload.referrals.create', {
    person: {
      firstName: o.firstName ?? 'Mohammed',
      lastName: o.lastName ?? 'Karimi',
      preferredName: o.preferredName ?? 'Mo',
      dateOfBirth: o.dateOfBirth === undefined ? '2010-04-02' : o.dateOfBirth,
      pronouns: o.pronouns === undefined ? 'he/him' : o.pronouns,
      localAuthority: 'Northshire',
    },
    referral: { referralDate: '2026-02-01', serviceUserType: 'CIC', urgency: 'standard', source: 'self' },
    issues: [
      {
        code: 'CONTACT',
        description: 'Family time with his brother keeps being cancelled',
        wantedOutcome: o.wantedOutcome === undefined ? 'Weekly family time that goes ahead' : o.wantedOutcome,
      },
    ],
  });
  const { advocate } = await t.call('caseload.me.get', {});
  await t.call('caseload.allocate', { caseId: created.caseId, advocateId: advocate.id, date: '2026-02-02' });
  return created.caseId;
}

async function ownWordsOf(caseId: string): Promise<string> {
  await t.call('fieldwork.wishes.save', {
    caseId,
    entry: { recordedOn: '2026-03-01', wantToHappen: 'I just want to see my brother every week like I was promised.' },
  });
  const choices = await t.call('letters.ownWordsChoices', { caseId });
  const chosen = choices.find((c) => c.source === 'wishes' && c.label.includes('what they want to happen'));
  expect(chosen?.label).toContain('01/03/2026');
  return chosen!.text;
}

describe('a Stage 1 letter written from a recorded complaint', () => {
  it('fills every fact from the case and exports with no placeholder left', async () => {
    const caseId = await newCase();
    const complaint = await t.call('complaints.save', {
      caseId,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      extendedTo: 20,
      extensionReason: 'Several teams involved',
      summary: 'Family time cancelled without notice',
    });
    const letter = await t.call('letters.create', {
      caseId,
      templateId: 'stage1-complaint',
      complaintId: complaint.id,
      ownWords: await ownWordsOf(caseId),
    });
    const text = plainText(letter.body);
    expect(text).toContain('Complaint on behalf of Mohammed Karimi (Mo)');
    expect(text).toContain('Mohammed Karimi (Mo) (date of birth 02/04/2010) has asked me to help him make a complaint');
    expect(text).toContain('He has agreed to me writing to you');
    expect(text).toContain("Northshire Children's Services\nComplaints Team\nCounty Hall\nNorthtown NT1 1AA");
    expect(text).toContain('Family time cancelled without notice');
    expect(text).toContain('I just want to see my brother every week like I was promised.');
    expect(text).toContain('Weekly family time that goes ahead');
    expect(text).toContain('in words he can understand');
    // Extended to 20 working days: the date now in force.
    expect(text).toContain('a response is due by 30/03/2026');
    expect((await t.call('letters.placeholders', { id: letter.id })).placeholders).toEqual([]);
    const out = await t.call('letters.exportPdf', { id: letter.id });
    const pdf = pdfText(new Uint8Array(Buffer.from(out.base64, 'base64')));
    expect(pdf).toContain('Mohammed Karimi (Mo)');
    expect(pdf).not.toMatch(/\[[^\]]+\]/);
  });

  it('is refused for export and sending while a fact is missing, until the advocate fills or leaves it', async () => {
    const caseId = await newCase({ dateOfBirth: null, wantedOutcome: null });
    const complaint = await t.call('complaints.save', { caseId, stage: 'stage1', receivedOn: '2026-03-02' });
    const letter = await t.call('letters.create', {
      caseId,
      templateId: 'stage1-complaint',
      complaintId: complaint.id,
      ownWords: await ownWordsOf(caseId),
    });
    const { placeholders } = await t.call('letters.placeholders', { id: letter.id });
    expect(placeholders).toEqual(['[date of birth]', '[what the young person wants to happen]']);
    await expect(t.call('letters.exportPdf', { id: letter.id })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('2 placeholders'),
    });
    await expect(
      t.call('letters.markSent', { id: letter.id, sentOn: '2026-03-02', sentMethod: 'email' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    // Leaving one is not enough; filling the other settles it.
    await expect(t.call('letters.exportPdf', { id: letter.id, leave: ['[date of birth]'] })).rejects.toMatchObject({
      message: expect.stringContaining('1 placeholder'),
    });
    const filled = await t.call('letters.fillPlaceholders', {
      id: letter.id,
      fills: { '[what the young person wants to happen]': 'Family time every Saturday' },
    });
    expect(plainText(filled.body)).toContain('Family time every Saturday');
    const out = await t.call('letters.exportPdf', { id: letter.id, leave: ['[date of birth]'] });
    expect(pdfText(new Uint8Array(Buffer.from(out.base64, 'base64')))).toContain('[date of birth]');
    const sent = await t.call('letters.markSent', {
      id: letter.id,
      sentOn: '2026-03-02',
      sentMethod: 'email',
      leave: ['[date of birth]'],
    });
    expect(sent.placeholdersLeft).toEqual(['[date of birth]']);
    // Exporting the sent letter again asks nothing twice.
    await expect(t.call('letters.exportPdf', { id: letter.id })).resolves.toMatchObject({ pages: expect.any(Number) });
  });

  it('uses the name where no pronouns are recorded, and they/them where they are', async () => {
    const none = await newCase({ pronouns: null, firstName: 'Amira', lastName: 'Haddad', preferredName: 'Amira' });
    const a = plainText((await t.call('letters.create', { caseId: none, templateId: 'stage1-complaint' })).body);
    expect(a).toContain('Complaint on behalf of Amira Haddad\n');
    expect(a).toContain('has asked me to help Amira make a complaint');
    expect(a).toContain('Amira has agreed to me writing');
    const they = await newCase({ pronouns: 'They / Them', firstName: 'Sam', lastName: 'Lee', preferredName: 'Sam' });
    const b = plainText((await t.call('letters.create', { caseId: they, templateId: 'stage1-urgent-hold' })).body);
    expect(b).toContain('with their agreement');
    expect(b).toContain('They are not agreeing to it and have not been properly consulted. Their views are:');
  });

  it("offers the words marked as the young person's in notes as well as wishes and feelings", async () => {
    const caseId = await newCase();
    const note = await t.call('fieldwork.notes.create', { caseId, title: 'Visit' });
    await t.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Visit',
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'He said ' },
              { type: 'text', text: 'nobody tells me anything', marks: [{ type: 'youngPersonWords' }] },
            ],
          },
        ],
      },
    });
    const choices = await t.call('letters.ownWordsChoices', { caseId });
    expect(choices).toContainEqual({
      source: 'note',
      label: 'Note: Visit, 20/03/2026',
      text: 'nobody tells me anything',
    });
  });
});

describe('an escalation letter', () => {
  it('carries the history: what was asked, when, and what came back', async () => {
    const caseId = await newCase();
    const stage1 = await t.call('complaints.save', {
      caseId,
      stage: 'stage1',
      receivedOn: '2026-03-02',
      councilReference: 'NC-77',
      summary: 'Family time cancelled without notice',
    });
    const first = await t.call('letters.create', {
      caseId,
      templateId: 'stage1-complaint',
      complaintId: stage1.id,
      ownWords: 'I want to see my brother.',
    });
    await t.call('letters.markSent', { id: first.id, sentOn: '2026-03-02', sentMethod: 'email' });
    // 20/03/2026 is 4 working days after the Stage 1 response was due (16/03/2026).
    const letter = await t.call('letters.create', {
      caseId,
      templateId: 'stage2-request',
      complaintId: stage1.id,
      ownWords: 'Nobody has answered me.',
    });
    const text = plainText(letter.body);
    expect(text).toContain('Your reference: NC-77');
    expect(text).toContain(
      'which you received on 02/03/2026. A response was due by 16/03/2026. No response has been received; it is now 4 working days late.',
    );
    expect(text).toContain(
      'Stage 1 (local resolution): our letter of 02/03/2026 (email), about Family time cancelled without notice, received by the council on 02/03/2026 (reference NC-77).',
    );
    // Sending it records Stage 2, escalated from Stage 1, and the letter belongs to it.
    const sent = await t.call('letters.markSent', {
      id: letter.id,
      sentOn: '2026-03-20',
      sentMethod: 'post',
      leave: (await t.call('letters.placeholders', { id: letter.id })).placeholders,
    });
    const complaints = await t.call('complaints.forCase', { caseId });
    const stage2 = complaints.find((c) => c.stage === 'stage2');
    expect(stage2).toMatchObject({ escalatedFrom: stage1.id, receivedOn: '2026-03-20', councilReference: 'NC-77' });
    expect(sent.complaintId).toBe(stage2!.id);
    expect(stage2!.letters.map((l) => l.id)).toEqual([letter.id]);
  });
});
