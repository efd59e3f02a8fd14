import { afterAll, describe, expect, it } from 'vitest';
import { renderPdfWithReport } from '../../../electron/core/pdf';
import { planPages, type PdfOptions } from '../../../electron/core/pdf/render';
import type { TipTapNode } from '../../../shared/templates/tiptap';
import { cleanupPoppler, pdfWords } from './poppler';

afterAll(cleanupPoppler);

/*
 * Page breaks a reader would notice. Each rule is checked over many lengths of letter, so the
 * break falls at every point around the thing being kept together, and each test also checks
 * that the rule really had to move something (the fault it prevents really occurred).
 */

const para = (text: string): TipTapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const heading = (text: string): TipTapNode => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});
const quote = (text: string): TipTapNode => ({ type: 'youngPersonQuote', content: [para(text)] });

const filler = (i: number): TipTapNode =>
  para(
    `Filler ${i}: since the review contact has been cancelled several times with less than a day's notice, and nobody has explained why to anyone in the family or to the carer who looks after them.`,
  );
const letterOptions: PdfOptions = { title: 'Test', signature: { name: 'Sam Okafor', role: 'Independent advocate' } };

/** Each placed line's text and page (footers left out). */
function placedLines(content: TipTapNode[], options: PdfOptions = letterOptions): { text: string; page: number }[] {
  const flow = planPages({ type: 'doc', content }, { ...options, confidentialFooter: false });
  return flow.pages.flatMap((ops, page) =>
    ops
      .flatMap((op) => (op.op === 'text' ? [{ text: op.line.runs.map((r) => r.text).join(''), page }] : []))
      .filter((l) => !/^Page \d+ of \d+$/.test(l.text)),
  );
}

const pageOf = (lines: { text: string; page: number }[], marker: string): number[] =>
  lines.filter((l) => l.text.includes(marker)).map((l) => l.page);

describe('the closing and signature', () => {
  it('stay on the page of the last paragraph, however long the letter', () => {
    let moved = 0;
    for (let k = 1; k <= 40; k += 1) {
      const content = [
        ...Array.from({ length: k }, (_, i) => filler(i)),
        para(
          'Lastpara: please reply to the young person in words they can understand, and send me a copy of your reply.',
        ),
        para('Yours sincerely,'),
      ];
      const lines = placedLines(content);
      const last = pageOf(lines, 'Lastpara').concat(pageOf(lines, 'copy of your reply'));
      const closing = pageOf(lines, 'Yours sincerely');
      const signature = pageOf(lines, 'Sam Okafor');
      expect(new Set([...last, ...closing, ...signature]).size, `with ${k} paragraphs before it`).toBe(1);
      const before = pageOf(lines, `Filler ${k - 1}:`);
      if ((last[0] as number) > (before.at(-1) as number)) moved += 1;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('are read back on the same page as the last paragraph in the PDF itself', async () => {
    // Find a length where the last paragraph had to move to the next page, then check the file.
    for (let k = 5; k <= 60; k += 1) {
      const content = [
        ...Array.from({ length: k }, (_, i) => filler(i)),
        para('Lastpara: please reply soon.'),
        para('Yours sincerely,'),
      ];
      const lines = placedLines(content);
      const moved = pageOf(lines, 'Lastpara')[0] as number;
      if (moved === (pageOf(lines, `Filler ${k - 1}:`).at(-1) as number)) continue;
      const { bytes } = await renderPdfWithReport({ type: 'doc', content }, letterOptions);
      const words = pdfWords(bytes).words;
      const page = (text: string): number => words.find((w) => w.text === text)?.page ?? NaN;
      // poppler numbers pages from 1; the filler before it is on the page before.
      expect(page(`${k - 1}:`)).toBe(moved);
      expect(page('Lastpara:')).toBe(moved + 1);
      expect(page('sincerely,')).toBe(moved + 1);
      expect(page('Okafor')).toBe(moved + 1);
      return;
    }
    throw new Error('No letter length put the last paragraph at the foot of page 1.');
  });
});

describe('headings and lines that lead into what follows', () => {
  it('never end a page', () => {
    let exercised = 0;
    for (let k = 1; k <= 40; k += 1) {
      const content = [
        ...Array.from({ length: k }, (_, i) => filler(i)),
        heading('Headingmark: what happened'),
        filler(100),
        para('Leadinmark: the complaint is about:'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [para('Itemmark one thing that went wrong')] }] },
        filler(101),
      ];
      const lines = placedLines(content);
      const byPage = (marker: string) => {
        const i = lines.findIndex((l) => l.text.includes(marker));
        return { at: lines[i]?.page, next: lines[i + 1]?.page, nextButOne: lines[i + 2]?.page };
      };
      const h = byPage('Headingmark');
      expect(h.next, `heading, ${k} paragraphs before`).toBe(h.at);
      expect(h.nextButOne).toBe(h.at);
      const lead = byPage('Leadinmark');
      expect(lead.next, `lead-in, ${k} paragraphs before`).toBe(lead.at);
      if ((h.at as number) > (pageOf(lines, `Filler ${k - 1}:`).at(-1) as number)) exercised += 1;
    }
    expect(exercised).toBeGreaterThan(0);
  });
});

describe('a heading above a chart', () => {
  it('moves with the chart rather than ending a page', () => {
    let exercised = 0;
    for (let k = 1; k <= 40; k += 1) {
      const chart = {
        type: 'chart',
        attrs: {
          kind: 'bar',
          title: 'Charttitle',
          data: [
            { label: 'Contact', value: 4 },
            { label: 'Placement', value: 2 },
          ],
        },
      };
      const lines = placedLines([...Array.from({ length: k }, (_, i) => filler(i)), heading('Chartheading'), chart], {
        title: 'Report',
      });
      const at = pageOf(lines, 'Chartheading')[0];
      expect(pageOf(lines, 'Charttitle')[0], `${k} paragraphs before`).toBe(at);
      if ((at as number) > (pageOf(lines, `Filler ${k - 1}:`).at(-1) as number)) exercised += 1;
    }
    expect(exercised).toBeGreaterThan(0);
  });
});

describe("the young person's words", () => {
  const words = (from: number, n: number): string =>
    Array.from({ length: n }, (_, i) => `quoteword${from + i}`).join(' ');
  const quotes: [string, TipTapNode][] = [
    ['one long paragraph', quote(words(0, 60))],
    [
      'a one-line paragraph then a longer one',
      { type: 'youngPersonQuote', content: [para(words(0, 5)), para(words(5, 40))] },
    ],
  ];
  it.each(quotes)(
    'are never split leaving one line of the quotation on either side of a page break (%s)',
    (_label, q) => {
      let split = 0;
      for (let k = 1; k <= 30; k += 1) {
        for (let shift = 0; shift <= 2; shift += 1) {
          const content = [
            ...Array.from({ length: k }, (_, i) => filler(i)),
            ...Array.from({ length: shift }, () => para('One short line.')),
            q,
            filler(200),
          ];
          const pages = pageOf(placedLines(content), 'quoteword');
          expect(pages.length).toBeGreaterThan(3);
          const counts = new Map<number, number>();
          for (const p of pages) counts.set(p, (counts.get(p) ?? 0) + 1);
          for (const [page, n] of counts)
            expect(n, `page ${page + 1} with ${k} paragraphs and ${shift} lines before`).toBeGreaterThanOrEqual(2);
          if (counts.size > 1) split += 1;
        }
      }
      expect(split).toBeGreaterThan(0);
    },
  );
});
