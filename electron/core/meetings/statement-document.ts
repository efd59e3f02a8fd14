import { formatUkDate } from '../../../shared/domain/dates';
import {
  agreementMethodLabels,
  meetingTypeLabels,
  presenterLabels,
  type AgreementMethod,
  type MeetingType,
  type Presenter,
} from '../../../shared/domain/meetings';
import type { StatementSection } from '../../../shared/domain/meetings-templates';

/** TipTap (ProseMirror) JSON, the shape the PDF engine renders. */
export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export interface StatementDocumentInput {
  name: string | null;
  meetingType: MeetingType;
  typeOther: string | null;
  meetingDate: string;
  presenter: Presenter | null;
  sections: readonly StatementSection[];
  agreedOn: string;
  agreedHow: AgreementMethod;
}

const text = (t: string, marks?: TiptapNode['marks']): TiptapNode =>
  marks ? { type: 'text', text: t, marks } : { type: 'text', text: t };
const paragraph = (...content: TiptapNode[]): TiptapNode => ({ type: 'paragraph', content });
const heading = (level: number, t: string): TiptapNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const bold = (t: string): TiptapNode => text(t, [{ type: 'bold' }]);

/**
 * The agreed statement as a document. The young person's own words carry the `youngPersonWords`
 * mark so the engine can set them apart from the advocate's framing.
 */
export function statementDocument(input: StatementDocumentInput): TiptapNode {
  const meeting =
    input.meetingType === 'other' && input.typeOther ? input.typeOther : meetingTypeLabels[input.meetingType];
  const content: TiptapNode[] = [
    heading(1, input.name ? `My views: ${input.name}` : 'My views'),
    paragraph(bold('Meeting: '), text(`${meeting}, ${formatUkDate(input.meetingDate)}`)),
  ];
  if (input.presenter)
    content.push(paragraph(bold('How these views will be shared: '), text(presenterLabels[input.presenter])));
  for (const s of input.sections) {
    const words = s.text.trim();
    if (!words) continue;
    content.push(heading(2, s.prompt));
    for (const line of words.split(/\n+/)) {
      if (line.trim()) content.push(paragraph(text(line.trim(), [{ type: 'youngPersonWords' }])));
    }
  }
  content.push(
    paragraph(
      text('These are the young person’s own words, written with their independent advocate. '),
      text(
        `They agreed this wording on ${formatUkDate(input.agreedOn)} (${agreementMethodLabels[input.agreedHow].toLowerCase()}).`,
      ),
    ),
  );
  return { type: 'doc', content };
}

/** A file name with no child's name in it: the file may sit in a downloads folder. */
export const statementFileName = (meetingDate: string): string => `my-views-${meetingDate}.pdf`;
