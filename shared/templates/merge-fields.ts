import type { TipTapDoc, TipTapNode } from './tiptap';

/** Every merge field a template may use, with the words shown in [brackets] when its value is unknown. */
export const mergeFields = {
  'youngPerson.name': "young person's name",
  'youngPerson.legalName': "young person's legal name",
  /** The legal name with the name they use in brackets, for formal letters to a council. */
  'youngPerson.formalName': "young person's legal name",
  'youngPerson.fullName': "young person's full name",
  'youngPerson.dateOfBirth': 'date of birth',
  'youngPerson.ownWords': "the young person's own words",
  'pronoun.they': "young person's name",
  'pronoun.They': "young person's name",
  'pronoun.them': "young person's name",
  'pronoun.their': "young person's name",
  'pronoun.Their': "young person's name",
  'pronoun.are': 'is',
  'pronoun.have': 'has',
  localAuthority: 'local authority',
  'council.complaintsAddress': "council's complaints address",
  'advocate.name': "advocate's name",
  'service.name': 'advocacy service',
  'service.address': "service's address",
  'case.reference': 'case reference',
  today: "today's date",
  issues: 'the issues',
  'issues.described': 'the issue',
  'issues.wantedOutcome': 'what the young person wants to happen',
  'complaint.about': 'what the complaint is about',
  'complaint.stage': 'complaint stage',
  'complaint.received': 'date the complaint was received',
  'complaint.responseDue': 'date the response was due',
  'complaint.originalDue': 'date the response was first due',
  'complaint.extendedDue': 'extended due date',
  'complaint.daysLate': 'working days late',
  'complaint.responseReceived': 'date of the response',
  'complaint.responseStatus': 'whether a response has come',
  'complaint.councilReference': "council's reference",
  'complaint.history': 'what has happened so far',
} as const;

export type MergeField = keyof typeof mergeFields;
export type MergeValues = Partial<Record<MergeField, string | null>>;

/**
 * Fields a letter can do without: when unknown, the line holding them is left out instead of
 * showing a prompt (a council's postal address is not needed on a letter sent by email).
 */
const optionalFields: ReadonlySet<MergeField> = new Set<MergeField>(['council.complaintsAddress']);

const FIELD = /\{\{\s*([\w.]+)\s*\}\}/g;
const ONLY_FIELD = /^\{\{\s*([\w.]+)\s*\}\}$/;

export interface FilledDocument {
  doc: TipTapDoc;
  /** Fields the template used that had no value: the letter shows "[label]" for each. */
  missing: MergeField[];
}

const isField = (name: string): name is MergeField => Object.prototype.hasOwnProperty.call(mergeFields, name);
const known = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** A text node filled in; null when it held only optional fields with no value (its line goes). */
function fillText(node: TipTapNode, values: MergeValues, missing: Set<MergeField>): TipTapNode[] | null {
  let onlyEmptyOptional = true;
  const text = (node.text ?? '').replace(FIELD, (whole, name: string) => {
    if (!isField(name)) return whole;
    const value = values[name];
    if (known(value)) {
      onlyEmptyOptional = false;
      return value;
    }
    if (optionalFields.has(name)) return '';
    onlyEmptyOptional = false;
    missing.add(name);
    return `[${mergeFields[name]}]`;
  });
  if (onlyEmptyOptional && text.trim() === '' && (node.text ?? '').trim() !== '') return null;
  // Multi-line values (addresses) become line breaks inside the same paragraph.
  return text
    .split('\n')
    .flatMap((line, i) => [...(i > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [{ ...node, text: line }] : [])]);
}

/** A list item that is just one multi-line field ("{{issues.described}}") becomes one item per line. */
function expandListItem(item: TipTapNode, values: MergeValues): TipTapNode[] | null {
  const para = item.content?.length === 1 ? item.content[0] : undefined;
  const only = para?.type === 'paragraph' && para.content?.length === 1 ? para.content[0] : undefined;
  const m = only?.type === 'text' ? ONLY_FIELD.exec(only.text ?? '') : null;
  const name = m?.[1];
  if (!name || !isField(name)) return null;
  const value = values[name];
  if (!known(value) || !value.includes('\n')) return null;
  return value
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => ({
      ...item,
      content: [{ ...(para as TipTapNode), content: [{ ...(only as TipTapNode), text: line }] }],
    }));
}

function fillNode(node: TipTapNode, values: MergeValues, missing: Set<MergeField>): TipTapNode[] {
  if (node.type === 'text') return fillText(node, values, missing) ?? [];
  if (!node.content) return [{ ...node }];
  const content: TipTapNode[] = [];
  for (const child of node.content) {
    const expanded =
      (node.type === 'bulletList' || node.type === 'orderedList') && child.type === 'listItem'
        ? expandListItem(child, values)
        : null;
    if (expanded) {
      content.push(...expanded);
      continue;
    }
    const filled = child.type === 'text' ? fillText(child, values, missing) : fillNode(child, values, missing);
    // An optional line left empty takes its line break with it.
    if (filled === null) {
      if (content.at(-1)?.type === 'hardBreak') content.pop();
      continue;
    }
    content.push(...filled);
  }
  return [{ ...node, content }];
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
