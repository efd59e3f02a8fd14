import type { TipTapNode } from '../../../shared/templates/tiptap';
import type { Span, SpanStyle } from './text-layout';

/*
 * Turns TipTap JSON into a flat list of blocks the page flow understands. Unknown node types keep
 * their text (as paragraphs) so nothing an advocate typed is silently dropped from a PDF.
 */

export type Rgb = [number, number, number];

export const colours = {
  text: [0.12, 0.12, 0.14] as Rgb,
  muted: [0.38, 0.38, 0.42] as Rgb,
  rule: [0.75, 0.75, 0.78] as Rgb,
  quoteBar: [0.6, 0.6, 0.64] as Rgb,
  youngBar: [0.05, 0.45, 0.47] as Rgb,
  youngText: [0.03, 0.3, 0.32] as Rgb,
};

export const BODY_SIZE = 11;

export interface ChartDatum {
  label: string;
  value: number;
}

export interface ChartSpec {
  kind: 'bar' | 'pie';
  title: string;
  data: ChartDatum[];
}

export interface TextBlock {
  kind: 'text';
  spans: Span[];
  indent: number;
  rightIndent: number;
  marker: string | null;
  spaceBefore: number;
  /** A bar drawn beside the text (quotations). */
  bar: { colour: Rgb; width: number } | null;
  keepWithNext: boolean;
}

export type Block =
  TextBlock | { kind: 'rule'; spaceBefore: number } | { kind: 'chart'; chart: ChartSpec; indent: number };

type Quote = 'none' | 'block' | 'young';

interface Ctx {
  indent: number;
  quote: Quote;
  marker: string | null;
}

export function style(partial: Partial<SpanStyle> = {}): SpanStyle {
  return { bold: false, italic: false, size: BODY_SIZE, color: colours.text, ...partial };
}

const headingSizes: Record<number, number> = { 1: 16, 2: 13.5, 3: 12 };

interface InlineSpan extends Span {
  young: boolean;
}

function inlineSpans(nodes: TipTapNode[], base: SpanStyle): InlineSpan[] {
  const out: InlineSpan[] = [];
  for (const n of nodes) {
    if (n.type === 'hardBreak') {
      out.push({ text: '\n', style: base, young: false });
      continue;
    }
    const marks = new Set((n.marks ?? []).map((m) => m.type));
    const young = marks.has('youngPersonWords');
    const text = n.type === 'text' ? (n.text ?? '') : typeof n.attrs?.label === 'string' ? n.attrs.label : '';
    if (n.content) out.push(...inlineSpans(n.content, base));
    if (!text) continue;
    const cached = spanStyle(
      base,
      marks.has('bold') || marks.has('strong'),
      marks.has('italic') || marks.has('em'),
      young,
    );
    out.push({ text, style: cached, young });
  }
  return out;
}

// One style object per combination, so runs compare styles by identity.
const styleCache = new Map<string, SpanStyle>();
function spanStyle(base: SpanStyle, bold: boolean, italic: boolean, young: boolean): SpanStyle {
  const b = base.bold || bold;
  const i = base.italic || italic || young;
  const colour = young ? colours.youngText : base.color;
  const key = `${b}|${i}|${base.size}|${colour.join(',')}`;
  let s = styleCache.get(key);
  if (!s) {
    s = { bold: b, italic: i, size: base.size, color: colour };
    styleCache.set(key, s);
  }
  return s;
}

function textBlock(spans: Span[], ctx: Ctx, extra: Partial<TextBlock> = {}): TextBlock {
  const young = ctx.quote === 'young';
  return {
    kind: 'text',
    spans,
    indent: ctx.indent,
    rightIndent: young ? 24 : 0,
    marker: ctx.marker,
    spaceBefore: 6,
    bar: young
      ? { colour: colours.youngBar, width: 3 }
      : ctx.quote === 'block'
        ? { colour: colours.quoteBar, width: 2 }
        : null,
    keepWithNext: false,
    ...extra,
  };
}

/** Wraps a young person's words in quotation marks so the quotation survives copy and paste too. */
function quoted(spans: Span[]): Span[] {
  if (spans.length === 0) return spans;
  const first = spans[0] as Span;
  const last = spans.at(-1) as Span;
  return [{ text: '\u201C', style: first.style }, ...spans, { text: '\u201D', style: last.style }];
}

function paragraph(node: TipTapNode, ctx: Ctx, base: SpanStyle, out: Block[]): void {
  const spans = inlineSpans(node.content ?? [], ctx.quote === 'young' ? spanStyle(base, false, true, true) : base);
  if (ctx.quote === 'young') {
    out.push(textBlock(quoted(spans), ctx));
    return;
  }
  // Text marked as the young person's own words becomes its own indented quotation.
  let plain: Span[] = [];
  let young: Span[] = [];
  let marker = ctx.marker;
  const flush = (): void => {
    if (plain.some((s) => s.text.trim())) out.push(textBlock(plain, { ...ctx, marker }));
    if (plain.some((s) => s.text.trim())) marker = null;
    plain = [];
    if (young.some((s) => s.text.trim()))
      out.push(textBlock(quoted(young), { indent: ctx.indent + 24, quote: 'young', marker: null }));
    young = [];
  };
  for (const s of spans) {
    if (s.young) young.push(s);
    else {
      if (young.length) flush();
      plain.push(s);
    }
  }
  const empty = spans.length === 0;
  flush();
  if (empty) out.push(textBlock([], ctx));
}

function walk(node: TipTapNode, ctx: Ctx, out: Block[]): void {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      paragraph(node, ctx, style(), out);
      return;
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 2;
      const size = headingSizes[level] ?? 12;
      out.push(
        textBlock(inlineSpans(children, style({ bold: true, size })), ctx, { spaceBefore: size, keepWithNext: true }),
      );
      return;
    }
    case 'bulletList':
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
      children.forEach((item, n) => {
        const marker = node.type === 'bulletList' ? '\u2022' : `${start + n}.`;
        const before = out.length;
        walk(item, { ...ctx, indent: ctx.indent + 18, marker: null }, out);
        const first = out[before];
        if (first?.kind === 'text') first.marker = marker;
      });
      return;
    }
    case 'blockquote':
      for (const c of children)
        walk(c, { ...ctx, indent: ctx.indent + 18, quote: ctx.quote === 'young' ? 'young' : 'block' }, out);
      return;
    case 'youngPersonQuote': {
      const inner = { ...ctx, indent: ctx.indent + 24, quote: 'young' as const };
      if (children.every((c) => c.type === 'text' || c.type === 'hardBreak'))
        paragraph({ type: 'paragraph', content: children }, inner, style(), out);
      else for (const c of children) walk(c, inner, out);
      return;
    }
    case 'horizontalRule':
      out.push({ kind: 'rule', spaceBefore: 8 });
      return;
    case 'chart':
      out.push({ kind: 'chart', chart: chartSpec(node.attrs), indent: ctx.indent });
      return;
    case 'text':
    case 'hardBreak':
      paragraph({ type: 'paragraph', content: [node] }, ctx, style(), out);
      return;
    default:
      if (children.length > 0 && children.every((c) => c.type === 'text' || c.type === 'hardBreak'))
        paragraph(node, ctx, style(), out);
      else for (const c of children) walk(c, ctx, out);
  }
}

function chartSpec(attrs: Record<string, unknown> | undefined): ChartSpec {
  const kind = attrs?.kind === 'pie' ? 'pie' : 'bar';
  const title = typeof attrs?.title === 'string' ? attrs.title : '';
  const raw = Array.isArray(attrs?.data) ? (attrs.data as unknown[]) : [];
  const data = raw.flatMap((d): ChartDatum[] => {
    if (typeof d !== 'object' || d === null) return [];
    const { label, value } = d as { label?: unknown; value?: unknown };
    return typeof value === 'number' && Number.isFinite(value) && value >= 0
      ? [{ label: String(label ?? ''), value }]
      : [];
  });
  return { kind, title, data };
}

export function toBlocks(doc: TipTapNode): Block[] {
  const out: Block[] = [];
  walk(doc, { indent: 0, quote: 'none', marker: null }, out);
  return out;
}
