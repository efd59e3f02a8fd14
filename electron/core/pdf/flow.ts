import type { Rgb } from './blocks';
import { layoutParagraph, type Line, type LayoutStats, type Span } from './text-layout';

/*
 * The page flow: places lines and shapes top to bottom, starting a new page when the next thing
 * does not fit. It only plans (pure data); render.ts draws the plan once every page is known, so
 * the footer can say "page X of Y" and only the fonts actually used get embedded.
 */

export const PAGE = { width: 595.28, height: 841.89, left: 62, right: 62, top: 56, bottom: 72 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const LINE_FACTOR = 1.45;

export type Op =
  | { op: 'text'; line: Line; x: number; y: number }
  | { op: 'rect'; x: number; y: number; w: number; h: number; colour: Rgb }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number; colour: Rgb }
  | { op: 'path'; d: string; x: number; y: number; colour: Rgb }
  | { op: 'image'; png: Uint8Array; x: number; y: number; w: number; h: number };

export const lineHeight = (line: Pick<Line, 'size'>): number => line.size * LINE_FACTOR;

export class Flow {
  readonly pages: Op[][] = [[]];
  /** Distance of the cursor from the top edge of the current page. */
  y: number = PAGE.top;
  readonly stats: LayoutStats = { missingGlyphs: 0 };

  get ops(): Op[] {
    return this.pages.at(-1) as Op[];
  }

  get spaceLeft(): number {
    return PAGE.height - PAGE.bottom - this.y;
  }

  newPage(): void {
    this.pages.push([]);
    this.y = PAGE.top;
  }

  /** Starts a new page unless `height` still fits (a thing taller than a page starts at the top). */
  ensure(height: number): void {
    if (height > this.spaceLeft && this.y > PAGE.top) this.newPage();
  }

  gap(points: number): void {
    if (this.y > PAGE.top) this.y = Math.min(this.y + points, PAGE.height - PAGE.bottom);
  }

  lines(spans: Span[], width: number): Line[] {
    return layoutParagraph(spans, width, this.stats);
  }

  /** PDF y (from the bottom) of a point `down` below the cursor. */
  pdfY(down = 0): number {
    return PAGE.height - this.y - down;
  }

  /**
   * Places one line at `x` (left edge of the column, `width` wide), right-aligned when the
   * paragraph runs right to left. Returns the line's height.
   */
  placeLine(line: Line, x: number, width: number): number {
    const h = lineHeight(line);
    this.ensure(h);
    const baseline = this.pdfY(h * 0.74);
    const left = line.rtl ? x + width - line.width : x;
    this.ops.push({ op: 'text', line, x: left, y: baseline });
    this.y += h;
    return h;
  }

  rect(x: number, yTop: number, w: number, h: number, colour: Rgb): void {
    this.ops.push({ op: 'rect', x, y: PAGE.height - yTop - h, w, h, colour });
  }

  rule(x1: number, x2: number, colour: Rgb, thickness = 0.6): void {
    const y = this.pdfY();
    this.ops.push({ op: 'line', x1, y1: y, x2, y2: y, thickness, colour });
  }
}
