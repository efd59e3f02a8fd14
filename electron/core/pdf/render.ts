import {
  PDFArray,
  PDFDocument,
  PDFHexString,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  type PDFFont,
  type PDFImage,
  type PDFName,
  type PDFPage,
} from 'pdf-lib';
import type { TipTapNode } from '../../../shared/templates/tiptap';
import { colours, style, toBlocks, type TextBlock } from './blocks';
import { placeChart } from './chart';
import { CONTENT_WIDTH, Flow, PAGE, lineHeight, type Op } from './flow';
import { cachingFontkit, loadFont, shapeForDrawing, type FontKey } from './fonts';
import { kernedGlyphs } from './glyph-placement';
import { keepRules, type Keep, type Laid } from './keep-together';
import type { Line } from './text-layout';

/*
 * TipTap JSON to a paginated PDF: letterhead, body, signature block, a "Confidential" footer,
 * "Page X of Y" and document metadata. Every feature that exports a document calls renderPdf.
 */

export interface Letterhead {
  name: string;
  /** Lines separated by newlines. */
  address?: string;
  logoPng?: Uint8Array;
}

export interface SignatureBlock {
  /** Such as "Yours sincerely,". */
  closing?: string;
  name: string;
  role?: string;
  organisation?: string;
}

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  letterhead?: Letterhead;
  signature?: SignatureBlock;
  /** On by default: everything Heard exports is about a child. */
  confidentialFooter?: boolean;
  /** Creation date recorded in the file (tests pass a fixed one). */
  createdAt?: Date;
}

export interface PdfResult {
  bytes: Uint8Array;
  pages: number;
  /** Characters no bundled font could draw; 0 means no reader will see a missing-glyph box. */
  missingGlyphs: number;
}

function placeText(flow: Flow, { block, lines }: Laid, keep: Keep): void {
  const x = PAGE.left + block.indent;
  const width = textWidthOf(block);
  flow.gap(block.spaceBefore);
  if (lines.length === 0) {
    flow.ensure(Math.max(style().size * 1.45, keep.start));
    flow.y += style().size * 1.45;
    return;
  }
  flow.ensure(keep.start);
  lines.forEach((line, i) => {
    if (keep.lastTwo > 0 && i === lines.length - 2) flow.ensure(keep.lastTwo);
    flow.ensure(lineHeight(line));
    const top = flow.y;
    if (i === 0 && block.marker) {
      const [marker] = flow.lines([{ text: block.marker, style: style() }], 16);
      if (marker)
        flow.ops.push({ op: 'text', line: marker, x: x - 4 - marker.width, y: flow.pdfY(lineHeight(line) * 0.74) });
    }
    flow.placeLine(line, x, width);
    if (block.bar) flow.rect(x - 10, top, block.bar.width, flow.y - top, block.bar.colour);
  });
}

export function placeLetterhead(flow: Flow, head: Letterhead): void {
  let x = PAGE.left;
  const top = flow.y;
  let logoHeight = 0;
  if (head.logoPng) {
    logoHeight = 48;
    flow.ops.push({ op: 'image', png: head.logoPng, x, y: flow.pdfY(logoHeight), w: 0, h: logoHeight });
    x += 68;
  }
  const width = PAGE.width - PAGE.right - x;
  for (const line of flow.lines([{ text: head.name, style: style({ bold: true, size: 14 }) }], width))
    flow.placeLine(line, x, width);
  if (head.address) {
    for (const line of flow.lines([{ text: head.address, style: style({ size: 9, color: colours.muted }) }], width))
      flow.placeLine(line, x, width);
  }
  flow.y = Math.max(flow.y, top + logoHeight) + 8;
  flow.rule(PAGE.left, PAGE.width - PAGE.right, colours.rule);
  flow.y += 18;
}

function signatureLines(flow: Flow, sig: SignatureBlock): { closing: Line[]; after: Line[]; height: number } {
  const closing = sig.closing ? flow.lines([{ text: sig.closing, style: style() }], CONTENT_WIDTH) : [];
  const after: Line[] = [
    ...flow.lines([{ text: sig.name, style: style({ bold: true }) }], CONTENT_WIDTH),
    ...(sig.role ? flow.lines([{ text: sig.role, style: style() }], CONTENT_WIDTH) : []),
    ...(sig.organisation ? flow.lines([{ text: sig.organisation, style: style() }], CONTENT_WIDTH) : []),
  ];
  return {
    closing,
    after,
    height: SIGNATURE_GAP + [...closing, ...after].reduce((h, l) => h + lineHeight(l), SIGNATURE_SPACE),
  };
}

const SIGNATURE_GAP = 14;
/** Room left for a handwritten signature. */
const SIGNATURE_SPACE = 40;

function placeSignature(flow: Flow, sig: SignatureBlock): void {
  const { closing, after, height } = signatureLines(flow, sig);
  flow.gap(SIGNATURE_GAP);
  flow.ensure(height - SIGNATURE_GAP);
  for (const line of closing) flow.placeLine(line, PAGE.left, CONTENT_WIDTH);
  flow.y += SIGNATURE_SPACE;
  for (const line of after) flow.placeLine(line, PAGE.left, CONTENT_WIDTH);
}

export function placeFooters(flow: Flow, confidential: boolean): void {
  const total = flow.pages.length;
  const footerStyle = style({ size: 8.5, color: colours.muted });
  flow.pages.forEach((ops, i) => {
    const y = PAGE.bottom - 36;
    ops.push({
      op: 'line',
      x1: PAGE.left,
      y1: y + 14,
      x2: PAGE.width - PAGE.right,
      y2: y + 14,
      thickness: 0.5,
      colour: colours.rule,
    });
    if (confidential) {
      const [c] = flow.lines([{ text: 'Confidential', style: style({ size: 8.5, bold: true }) }], CONTENT_WIDTH);
      if (c) ops.push({ op: 'text', line: c, x: PAGE.left, y });
    }
    const [p] = flow.lines([{ text: `Page ${i + 1} of ${total}`, style: footerStyle }], CONTENT_WIDTH);
    if (p) ops.push({ op: 'text', line: p, x: PAGE.width - PAGE.right - p.width, y });
  });
}

const textWidthOf = (b: TextBlock): number => CONTENT_WIDTH - b.indent - b.rightIndent;

/** Plans the pages: pure layout, no PDF objects yet. */
export function planPages(doc: TipTapNode, options: PdfOptions): Flow {
  const flow = new Flow();
  if (options.letterhead) placeLetterhead(flow, options.letterhead);
  const blocks = toBlocks(doc);
  const laid = blocks.map((b): Laid | null =>
    b.kind === 'text' ? { block: b, lines: b.spans.length ? flow.lines(b.spans, textWidthOf(b)) : [] } : null,
  );
  const keeps = keepRules(laid, options.signature ? signatureLines(flow, options.signature).height : 0);
  blocks.forEach((block, i) => {
    const text = laid[i];
    if (text) placeText(flow, text, keeps[i] as Keep);
    else if (block.kind === 'rule') {
      flow.gap(block.spaceBefore);
      flow.ensure(10);
      flow.rule(PAGE.left, PAGE.width - PAGE.right, colours.rule);
      flow.y += 8;
    } else if (block.kind === 'chart')
      placeChart(flow, block.chart, PAGE.left + block.indent, CONTENT_WIDTH - block.indent);
  });
  if (options.signature) placeSignature(flow, options.signature);
  placeFooters(flow, options.confidentialFooter !== false);
  return flow;
}

const toRgb = (c: readonly [number, number, number]) => rgb(c[0], c[1], c[2]);

async function draw(pdf: PDFDocument, pages: Op[][]): Promise<void> {
  const fonts = new Map<FontKey, PDFFont>();
  const images = new Map<Uint8Array, PDFImage>();
  for (const ops of pages) {
    for (const op of ops) {
      if (op.op === 'text')
        for (const r of op.line.runs)
          if (!fonts.has(r.font)) fonts.set(r.font, await pdf.embedFont(loadFont(r.font).bytes, { subset: true }));
      if (op.op === 'image' && !images.has(op.png)) images.set(op.png, await pdf.embedPng(op.png));
    }
  }
  for (const ops of pages) {
    const page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
    const fontKeys = new Map<PDFFont, PDFName>();
    for (const op of ops) {
      if (op.op === 'text') {
        let x = op.x;
        for (const r of op.line.runs) {
          drawRun(pdf, page, fontKeys, fonts.get(r.font) as PDFFont, r, x, op.y);
          x += r.width;
        }
      } else if (op.op === 'rect')
        page.drawRectangle({ x: op.x, y: op.y, width: op.w, height: op.h, color: toRgb(op.colour) });
      else if (op.op === 'line')
        page.drawLine({
          start: { x: op.x1, y: op.y1 },
          end: { x: op.x2, y: op.y2 },
          thickness: op.thickness,
          color: toRgb(op.colour),
        });
      else if (op.op === 'path') page.drawSvgPath(op.d, { x: op.x, y: op.y, color: toRgb(op.colour) });
      else {
        const image = images.get(op.png) as PDFImage;
        const w = Math.min((image.width / image.height) * op.h, 120);
        page.drawImage(image, { x: op.x, y: op.y, width: w, height: (w / image.width) * image.height });
      }
    }
  }
}

/**
 * Draws one run with the font's kerning (see glyph-placement.ts). Each font is named once in a
 * page's resources, not once per run as pdf-lib's drawText does.
 */
function drawRun(
  pdf: PDFDocument,
  page: PDFPage,
  fontKeys: Map<PDFFont, PDFName>,
  font: PDFFont,
  r: { text: string; font: FontKey; size: number; color: readonly [number, number, number] },
  x: number,
  y: number,
): void {
  const hex = font.encodeText(r.text).toString().slice(1, -1);
  const shaped = shapeForDrawing(r.font, r.text);
  if (hex.length !== shaped.glyphs.length * 4) {
    // Never expected; pdf-lib's own drawing is still better than none.
    page.drawText(r.text, { x, y, size: r.size, font, color: toRgb(r.color) });
    return;
  }
  let key = fontKeys.get(font);
  if (!key) fontKeys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
  const items = PDFArray.withContext(pdf.context);
  for (const item of kernedGlyphs(
    shaped.glyphs.map((g, i) => ({ ...g, code: hex.slice(i * 4, i * 4 + 4) })),
    shaped.unitsPerEm,
  )) {
    items.push(typeof item === 'string' ? PDFHexString.of(item) : PDFNumber.of(item));
  }
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(toRgb(r.color)),
    beginText(),
    setFontAndSize(key, r.size),
    setTextMatrix(1, 0, 0, 1, x, y),
    PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [items]),
    endText(),
    popGraphicsState(),
  );
}

/** Renders a document and reports how it went (page count, glyphs that could not be drawn). */
export async function renderPdfWithReport(doc: TipTapNode, options: PdfOptions): Promise<PdfResult> {
  return renderPlannedPages(planPages(doc, options), options);
}

/** Draws pages already planned (a layout of its own, such as the quarterly report's tables) with the usual metadata. */
export async function renderPlannedPages(flow: Flow, options: PdfOptions): Promise<PdfResult> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(cachingFontkit);
  await draw(pdf, flow.pages);
  const created = options.createdAt ?? new Date();
  pdf.setTitle(options.title, { showInWindowTitleBar: true });
  if (options.author) pdf.setAuthor(options.author);
  if (options.subject) pdf.setSubject(options.subject);
  pdf.setCreator('Heard');
  pdf.setProducer('Heard PDF engine (pdf-lib)');
  pdf.setCreationDate(created);
  pdf.setModificationDate(created);
  pdf.setLanguage('en-GB');
  const bytes = await pdf.save({ useObjectStreams: true });
  return { bytes, pages: flow.pages.length, missingGlyphs: flow.stats.missingGlyphs };
}

export async function renderPdf(doc: TipTapNode, options: PdfOptions): Promise<Uint8Array> {
  return (await renderPdfWithReport(doc, options)).bytes;
}
