import type { TipTapNode } from './tiptap';

/*
 * Placeholders are the [square-bracketed prompts] a template leaves for the advocate ("[What the
 * young person wants to happen.]") and the [labels] shown for facts the case does not hold. A
 * letter must not leave Heard with one still in it unless the advocate has said so.
 */

const PLACEHOLDER = /\[[^\[\]\n]{1,300}\]/g;

const isTextblock = (n: TipTapNode): boolean => Array.isArray(n.content) && n.content.some((c) => c.type === 'text');

/** The text of one paragraph or heading, its inline nodes joined (a placeholder may span marks). */
function inlineText(n: TipTapNode): string {
  return (n.content ?? [])
    .map((c) => (c.type === 'text' ? (c.text ?? '') : c.type === 'hardBreak' ? '\n' : ''))
    .join('');
}

function textblocks(node: TipTapNode, out: TipTapNode[] = []): TipTapNode[] {
  if (isTextblock(node)) out.push(node);
  else for (const c of node.content ?? []) textblocks(c, out);
  return out;
}

/** Every distinct placeholder still in the letter, in the order they appear. */
export function findPlaceholders(doc: TipTapNode): string[] {
  const found = new Set<string>();
  for (const block of textblocks(doc)) for (const m of inlineText(block).matchAll(PLACEHOLDER)) found.add(m[0]);
  return [...found];
}

/** Placeholders still in the letter that the advocate has not chosen to leave. */
export function undecidedPlaceholders(doc: TipTapNode, leave: readonly string[]): string[] {
  const left = new Set(leave);
  return findPlaceholders(doc).filter((p) => !left.has(p));
}

/**
 * Replaces each placeholder given with its text, everywhere it appears. The replacement takes the
 * formatting of the text around the placeholder, without the italics that marked it as a prompt.
 */
export function fillPlaceholders<T extends TipTapNode>(doc: T, fills: Readonly<Record<string, string>>): T {
  const wanted = Object.entries(fills).filter(([k, v]) => k.startsWith('[') && k.endsWith(']') && v.trim() !== '');
  if (wanted.length === 0) return doc;
  const visit = (node: TipTapNode): TipTapNode => {
    if (!isTextblock(node)) return node.content ? { ...node, content: node.content.map(visit) } : node;
    return { ...node, content: fillInline(node.content ?? [], wanted) };
  };
  return visit(doc) as T;
}

interface Piece {
  text: string;
  node: TipTapNode;
}

function fillInline(nodes: TipTapNode[], fills: [string, string][]): TipTapNode[] {
  // Characters of the paragraph, each remembering the node (and so the marks) it came from.
  const chars: Piece[] = [];
  const out: TipTapNode[] = [];
  const flush = (): void => {
    let text = chars.map((c) => c.text).join('');
    let owners = chars.map((c) => c.node);
    for (const [placeholder, value] of fills) {
      let at = text.indexOf(placeholder);
      while (at >= 0) {
        const owner = owners[at] as TipTapNode;
        const plain: TipTapNode = { ...owner, marks: (owner.marks ?? []).filter((m) => m.type !== 'italic') };
        if (plain.marks?.length === 0) delete plain.marks;
        text = text.slice(0, at) + value + text.slice(at + placeholder.length);
        owners = [
          ...owners.slice(0, at),
          ...Array.from({ length: value.length }, () => plain),
          ...owners.slice(at + placeholder.length),
        ];
        at = text.indexOf(placeholder, at + value.length);
      }
    }
    let i = 0;
    while (i < text.length) {
      let j = i + 1;
      while (j < text.length && owners[j] === owners[i]) j += 1;
      out.push({ ...(owners[i] as TipTapNode), text: text.slice(i, j) });
      i = j;
    }
    chars.length = 0;
  };
  for (const n of nodes) {
    if (n.type !== 'text') {
      flush();
      out.push(n);
      continue;
    }
    // UTF-16 units, as indexOf counts them.
    const t = n.text ?? '';
    for (let k = 0; k < t.length; k += 1) chars.push({ text: t[k] as string, node: n });
  }
  flush();
  return out;
}
