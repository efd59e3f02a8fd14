import type { TipTapDoc, TipTapNode } from './tiptap';

/** Every merge field a template may use, with the words shown when its value is unknown. */
export const mergeFields = {
  'youngPerson.name': "young person's name",
  'youngPerson.fullName': "young person's full name",
  'youngPerson.dateOfBirth': 'date of birth',
  localAuthority: 'local authority',
  'advocate.name': "advocate's name",
  'service.name': 'advocacy service',
  'service.address': "service's address",
  'case.reference': 'case reference',
  today: "today's date",
  issues: 'the issues',
  'complaint.stage': 'complaint stage',
  'complaint.received': 'date the complaint was received',
  'complaint.responseDue': 'date the response was due',
  'complaint.responseReceived': 'date of the response',
  'complaint.councilReference': "council's reference",
} as const;

export type MergeField = keyof typeof mergeFields;
export type MergeValues = Partial<Record<MergeField, string | null>>;

const FIELD = /\{\{\s*([\w.]+)\s*\}\}/g;

export interface FilledDocument {
  doc: TipTapDoc;
  /** Fields the template used that had no value: the letter shows "[label]" for each. */
  missing: MergeField[];
}

const isField = (name: string): name is MergeField => Object.prototype.hasOwnProperty.call(mergeFields, name);

function fillText(node: TipTapNode, values: MergeValues, missing: Set<MergeField>): TipTapNode[] {
  const text = (node.text ?? '').replace(FIELD, (whole, name: string) => {
    if (!isField(name)) return whole;
    const value = values[name];
    if (value === undefined || value === null || value.trim() === '') {
      missing.add(name);
      return `[${mergeFields[name]}]`;
    }
    return value;
  });
  // Multi-line values (addresses) become line breaks inside the same paragraph.
  const lines = text.split('\n');
  return lines.flatMap((line, i) => [
    ...(i > 0 ? [{ type: 'hardBreak' }] : []),
    ...(line ? [{ ...node, text: line }] : []),
  ]);
}

function fillNode(node: TipTapNode, values: MergeValues, missing: Set<MergeField>): TipTapNode[] {
  if (node.type === 'text') return fillText(node, values, missing);
  if (!node.content) return [{ ...node }];
  return [{ ...node, content: node.content.flatMap((c) => fillNode(c, values, missing)) }];
}

/** Puts the case's details into a template. Pure: the template itself is never changed. */
export function fillMergeFields(template: TipTapDoc, values: MergeValues): FilledDocument {
  const missing = new Set<MergeField>();
  const [doc] = fillNode(template, values, missing) as [TipTapDoc];
  return { doc, missing: [...missing] };
}

/** The merge fields a template uses, in order of first use. */
export function fieldsUsed(template: TipTapNode): MergeField[] {
  const found = new Set<MergeField>();
  const visit = (n: TipTapNode): void => {
    for (const m of (n.text ?? '').matchAll(FIELD)) if (isField(m[1] as string)) found.add(m[1] as MergeField);
    n.content?.forEach(visit);
  };
  visit(template);
  return [...found];
}
