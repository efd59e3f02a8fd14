/** TipTap (ProseMirror) JSON, as the editor saves it. Only the shape is fixed; node types are open. */
export interface TipTapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface TipTapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TipTapNode[];
  text?: string;
  marks?: TipTapMark[];
}

/** The root of a document: `{ type: 'doc', content: [...] }`. */
export type TipTapDoc = TipTapNode & { type: 'doc' };

/** Every piece of text in a node, in order, with block boundaries as newlines (for search and checks). */
export function plainText(node: TipTapNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(plainText);
  const isBlockContainer = (node.content ?? []).some((c) => c.type !== 'text' && c.type !== 'hardBreak');
  return inner.join(isBlockContainer ? '\n' : '');
}
