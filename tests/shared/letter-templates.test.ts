import { describe, expect, it } from 'vitest';
import { complaintTimeline } from '../../shared/domain/complaint-deadlines';
import {
  fieldsUsed,
  fillMergeFields,
  findPlaceholders,
  getLetterTemplate,
  letterTemplateIds,
  letterTemplates,
  mergeFields,
  type MergeValues,
} from '../../shared/templates';
import { plainText } from '../../shared/templates/tiptap';

const everything: MergeValues = Object.fromEntries(Object.keys(mergeFields).map((k) => [k, `<${k}>`]));

describe('letter templates', () => {
  it('has the nine letters advocates need, each with a unique id', () => {
    expect(new Set(letterTemplateIds).size).toBe(letterTemplates.length);
    expect(letterTemplateIds).toEqual(
      expect.arrayContaining([
        'stage1-complaint',
        'stage1-urgent-hold',
        'stage2-request',
        'stage3-panel-request',
        'iro-concern',
        'dcs-letter',
        'help-at-hand',
        'lgsco-complaint',
        'closing-letter',
      ]),
    );
  });

  it.each(letterTemplates.map((t) => [t.id, t] as const))(
    '%s uses only known merge fields and names the young person as its reader needs',
    (_id, t) => {
      const filled = plainText(fillMergeFields(t.body, everything).doc);
      expect(filled).not.toMatch(/\{\{|\}\}/);
      const used = fieldsUsed(t.body);
      if (t.formal) {
        // Formal letters give the legal name (with the name used) before anything else names them.
        expect(used).toContain('youngPerson.formalName');
        const first = used.findIndex((f) => f === 'youngPerson.name' || f.startsWith('pronoun.'));
        expect(first === -1 || first > used.indexOf('youngPerson.formalName')).toBe(true);
      } else {
        expect(used).toContain('youngPerson.name');
        expect(used).not.toContain('youngPerson.formalName');
        expect(used).not.toContain('youngPerson.legalName');
      }
    },
  );

  it('asks nothing of a Stage 1 complaint letter that a case with a recorded complaint cannot answer', () => {
    const { doc, missing } = fillMergeFields(getLetterTemplate('stage1-complaint')!.body, everything);
    expect(missing).toEqual([]);
    expect(findPlaceholders(doc)).toEqual([]);
  });

  it('offers a template for every next step the complaint tracker suggests', () => {
    const cases = [
      complaintTimeline({ stage: 'stage1', received: '2026-03-02' }, '2026-04-01'),
      complaintTimeline({ stage: 'stage2', received: '2026-03-02' }, '2026-06-01'),
      complaintTimeline(
        { stage: 'stage2', received: '2026-03-02', responseReceived: '2026-04-01', outcome: 'not_resolved' },
        '2026-04-02',
      ),
      complaintTimeline({ stage: 'stage3', received: '2026-03-02' }, '2026-06-01'),
      complaintTimeline({ stage: 'stage1', received: '2026-03-02', outcome: 'resolved' }, '2026-04-01'),
    ];
    for (const t of cases) expect(getLetterTemplate(t.nextStep.templateId as string)).not.toBeNull();
  });
});

describe('fillMergeFields', () => {
  const template = getLetterTemplate('stage1-complaint')!;

  it("puts the case's details in and leaves the template untouched", () => {
    const before = JSON.stringify(template.body);
    const { doc, missing } = fillMergeFields(template.body, {
      'youngPerson.name': 'Amira',
      'youngPerson.formalName': 'Amira Haddad',
      localAuthority: 'Northshire',
      'complaint.responseDue': '16/03/2026',
    });
    const text = plainText(doc);
    expect(text).toContain('Complaint on behalf of Amira Haddad');
    expect(text).toContain('Northshire');
    expect(text).toContain('by 16/03/2026');
    expect(JSON.stringify(template.body)).toBe(before);
    expect(missing).toContain('youngPerson.dateOfBirth');
  });

  it('shows a plain prompt where a value is unknown', () => {
    const { doc } = fillMergeFields(template.body, { 'youngPerson.name': 'Amira' });
    expect(plainText(doc)).toContain("[local authority] Children's Services");
  });

  it('turns a multi-line address into line breaks in the same paragraph', () => {
    const { doc } = fillMergeFields(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '{{service.address}}' }] }] },
      { 'service.address': '12 Mill Lane\nNorthtown' },
    );
    expect(doc.content?.[0]?.content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
  });

  it('puts each line of a listed fact in its own bullet', () => {
    const { doc } = fillMergeFields(template.body, { 'complaint.about': 'Contact cancelled\nNo written plan' });
    const list = doc.content?.find((n) => n.type === 'bulletList');
    expect(list?.content?.map((item) => plainText(item))).toEqual(['Contact cancelled', 'No written plan']);
  });

  it("leaves out the council's address line when it is not known, with no prompt", () => {
    const { doc, missing } = fillMergeFields(template.body, { localAuthority: 'Northshire' });
    expect(missing).not.toContain('council.complaintsAddress');
    const recipient = doc.content?.[1];
    expect(recipient?.content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(plainText(recipient!)).toBe("Complaints Manager\nNorthshire Children's Services");
  });

  it('leaves text that only looks like a field alone', () => {
    const { doc } = fillMergeFields(
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Use {{notAField}} here' }] }] },
      {},
    );
    expect(plainText(doc)).toBe('Use {{notAField}} here');
  });
});
