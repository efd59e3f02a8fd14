import { formatUkDate } from '../../../shared/domain/dates';
import type { TipTapNode } from '../../../shared/templates/tiptap';
import type { Row, SubjectAccessData } from './gather';

/**
 * The subject access bundle as one TipTap document for the PDF engine: the person's details, then
 * each case with every record found, then who opened, changed or exported the records. Rich-text
 * bodies (notes, letters) are placed as they were written; other fields are listed by name.
 */
const text = (t: string, bold = false): TipTapNode =>
  bold ? { type: 'text', text: t, marks: [{ type: 'bold' }] } : { type: 'text', text: t };
const heading = (level: number, t: string): TipTapNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const paragraph = (...content: TipTapNode[]): TipTapNode => ({
  type: 'paragraph',
  content: content.filter((c) => c.text !== ''),
});

/** "case_actions" -> "Case actions"; "date_of_birth" -> "Date of birth". */
export const humanise = (name: string): string => {
  const words = name.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const SKIP_FIELDS = new Set(['id', 'case_id', 'referral_id', 'person_id']);

function isTipTapDoc(v: unknown): v is TipTapNode {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { type?: unknown }).type === 'doc' &&
    Array.isArray((v as { content?: unknown }).content)
  );
}

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatUkDate(v) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

function rowBlocks(row: Row): TipTapNode[] {
  const out: TipTapNode[] = [];
  for (const [field, value] of Object.entries(row)) {
    if (SKIP_FIELDS.has(field)) continue;
    if (isTipTapDoc(value)) {
      out.push(paragraph(text(`${humanise(field)}:`, true)));
      out.push(...(value.content ?? []));
    } else {
      out.push(paragraph(text(`${humanise(field)}: `, true), text(valueText(value))));
    }
  }
  out.push({ type: 'horizontalRule' });
  return out;
}

export function bundleDocument(data: SubjectAccessData, generatedAt: Date): TipTapNode {
  const content: TipTapNode[] = [
    heading(1, 'Information held about you'),
    paragraph(
      text(
        `Prepared on ${formatUkDate(generatedAt.toISOString())} in answer to a subject access request. It holds everything this advocacy service's records on this computer hold about you, and who has looked at them.`,
      ),
    ),
    heading(2, 'Your details'),
    ...(data.person ? rowBlocks(data.person) : [paragraph(text('No personal details are held.'))]),
  ];
  for (const c of data.cases) {
    content.push(heading(2, `Case ${c.reference ?? ''}`.trim()));
    for (const [table, rows] of Object.entries(c.records)) {
      content.push(heading(3, `${humanise(table)} (${rows.length})`));
      for (const row of rows) content.push(...rowBlocks(row));
    }
  }
  if (data.drafts.length > 0) {
    content.push(heading(2, 'Unsaved text'));
    for (const d of data.drafts) content.push(...rowBlocks(d));
  }
  content.push(heading(2, 'Who opened, changed or exported these records'));
  if (data.accessLog.length === 0) content.push(paragraph(text('No entries.')));
  for (const e of data.accessLog) {
    const when = String(e.at ?? '');
    content.push(
      paragraph(
        text(`${formatUkDate(when)} ${when.slice(11, 16)} `),
        text(`${humanise(String(e.action ?? ''))}`, true),
        text(` (${String(e.method ?? '')}, device ${String(e.deviceId ?? '').slice(-8)})`),
      ),
    );
  }
  return { type: 'doc', content };
}
