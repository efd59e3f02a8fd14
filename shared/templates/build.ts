import type { TipTapDoc, TipTapNode } from './tiptap';

/*
 * A small way to write letter templates readably. `p('Dear {{advocate.name}},')` is a paragraph;
 * text in [square brackets] is a prompt for the advocate and is set in italics so it stands out
 * in the editor until it is replaced.
 */

function inline(text: string): TipTapNode[] {
  const out: TipTapNode[] = [];
  for (const part of text.split(/(\[[^\]]+\])/)) {
    if (!part) continue;
    out.push(
      part.startsWith('[') ? { type: 'text', text: part, marks: [{ type: 'italic' }] } : { type: 'text', text: part },
    );
  }
  return out;
}

export const p = (text = ''): TipTapNode =>
  text ? { type: 'paragraph', content: inline(text) } : { type: 'paragraph' };

export const h = (text: string, level = 2): TipTapNode => ({
  type: 'heading',
  attrs: { level },
  content: inline(text),
});

export const bold = (text: string): TipTapNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text, marks: [{ type: 'bold' }] }],
});

export const bullets = (...items: string[]): TipTapNode => ({
  type: 'bulletList',
  content: items.map((t) => ({ type: 'listItem', content: [p(t)] })),
});

export const numbered = (...items: string[]): TipTapNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map((t) => ({ type: 'listItem', content: [p(t)] })),
});

/** The young person's own words, shown as a distinct quotation in the editor and the PDF. */
export const theirWords = (prompt: string): TipTapNode => ({ type: 'youngPersonQuote', content: [p(prompt)] });

export const doc = (...content: TipTapNode[]): TipTapDoc => ({ type: 'doc', content });

/** The opening every letter shares: date, the recipient's lines, and a heading naming the subject. */
export function opening(recipientLines: string[], subject: string): TipTapNode[] {
  return [
    p('{{today}}'),
    {
      type: 'paragraph',
      content: recipientLines.flatMap((line, i) => [...(i ? [{ type: 'hardBreak' }] : []), ...inline(line)]),
    },
    h(subject, 2),
  ];
}
