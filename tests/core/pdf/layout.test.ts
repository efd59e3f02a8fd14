import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf, renderPdfWithReport } from '../../../electron/core/pdf';
import type { TipTapNode } from '../../../shared/templates/tiptap';
import { cleanupPoppler, pdfFonts, pdfInfo, pdfText, pdfWords } from './poppler';

afterAll(cleanupPoppler);

const text = (t: string, marks: string[] = []): TipTapNode => ({
  type: 'text',
  text: t,
  marks: marks.map((type) => ({ type })),
});
const para = (...content: TipTapNode[]): TipTapNode => ({ type: 'paragraph', content });
const doc = (...content: TipTapNode[]): TipTapNode => ({ type: 'doc', content });

const sentence = 'Contact with her brother was cancelled four times without notice, and nobody explained why to her. ';

describe('a long letter', () => {
  const long = doc(
    { type: 'heading', attrs: { level: 1 }, content: [text('Complaint about family time')] },
    ...Array.from({ length: 30 }, (_, i) => para(text(`Paragraph ${i + 1}. ${sentence.repeat(3)}`))),
    para(
      text(
        'https://www.example.org/a-very-long-address-without-any-spaces-in-it-at-all-that-goes-on-and-on-and-on-past-the-margin',
      ),
    ),
  );

  it('breaks across pages, numbered "Page X of Y", each marked Confidential', async () => {
    const { bytes, pages } = await renderPdfWithReport(long, { title: 'Complaint' });
    expect(pages).toBeGreaterThanOrEqual(3);
    const out = pdfText(bytes);
    for (let p = 1; p <= pages; p += 1) expect(out).toContain(`Page ${p} of ${pages}`);
    expect(out.match(/Confidential/g)?.length).toBe(pages);
    // Paragraphs come out in the order written.
    const positions = [1, 10, 20, 30].map((n) => out.indexOf(`Paragraph ${n}.`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)))).toBe(true);
  });

  it('never lets a word run past the margins', async () => {
    const { words, pageWidth } = pdfWords(await renderPdf(long, { title: 'Complaint' }));
    expect(words.length).toBeGreaterThan(500);
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(61);
      expect(w.xMax).toBeLessThanOrEqual(pageWidth - 61);
    }
  });
});

describe('type', () => {
  it("draws with the font's kerning, so AVATAR is set as close as its designer made it", async () => {
    const { words } = pdfWords(await renderPdf(doc(para(text('HHHHHH AVATAR'))), { title: 'Kerning' }));
    const width = (w: string) => {
      const found = words.find((x) => x.text === w)!;
      return found.xMax - found.xMin;
    };
    const font = fontkit.create(readFileSync('resources/fonts/NotoSans-Regular.ttf'));
    const units = (s: string, kerned: boolean) => {
      const run = font.layout(s);
      return run.glyphs.reduce((n, g, i) => n + (kerned ? run.positions[i]!.xAdvance : g.advanceWidth), 0);
    };
    // Points per font unit, from a word the font does not kern.
    const scale = width('HHHHHH') / units('HHHHHH', false);
    expect(width('AVATAR')).toBeCloseTo(units('AVATAR', true) * scale, 1);
    expect(units('AVATAR', false) * scale - width('AVATAR')).toBeGreaterThan(2);
  });
});

describe('document details', () => {
  it('records title, author, subject, creator and producer', async () => {
    const bytes = await renderPdf(doc(para(text('Hello'))), {
      title: 'Stage 1 complaint',
      author: 'Sam Advocate',
      subject: 'Complaint',
      createdAt: new Date('2026-03-02T10:00:00Z'),
    });
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('Stage 1 complaint');
    expect(info.Author).toBe('Sam Advocate');
    expect(info.Subject).toBe('Complaint');
    expect(info.Creator).toBe('Heard');
    expect(info.Producer).toMatch(/Heard/);
    expect(info.CreationDate).toMatch(/2026/);
  });

  it('leaves the Confidential footer off only when asked', async () => {
    expect(pdfText(await renderPdf(doc(para(text('Hello'))), { title: 'x', confidentialFooter: false }))).not.toContain(
      'Confidential',
    );
  });

  it('prints the letterhead and the signature block', async () => {
    const out = pdfText(
      await renderPdf(doc(para(text('Body text.'))), {
        title: 'x',
        letterhead: { name: 'Northshire Advocacy', address: '12 Mill Lane\nNorthtown NT1 2AB' },
        signature: { closing: 'Yours sincerely,', name: 'Sam Advocate', role: 'Independent advocate' },
      }),
    );
    const order = [
      'Northshire Advocacy',
      '12 Mill Lane',
      'Northtown NT1 2AB',
      'Body text.',
      'Yours sincerely,',
      'Sam Advocate',
      'Independent advocate',
    ].map((s) => out.indexOf(s));
    expect(order.every((p, i) => p >= 0 && (i === 0 || p > (order[i - 1] as number)))).toBe(true);
  });
});

describe('rich text', () => {
  it('draws bold and italic in their own faces', async () => {
    const bytes = await renderPdf(
      doc(para(text('plain '), text('bold', ['bold']), text(' and '), text('slanted', ['italic']))),
      { title: 'x' },
    );
    const names = pdfFonts(bytes)
      .map((f) => f.name)
      .join(' ');
    expect(names).toMatch(/NotoSans-Bold/);
    expect(names).toMatch(/NotoSans-Italic/);
    expect(pdfText(bytes)).toContain('plain bold and slanted');
  });

  it("sets the young person's own words apart as an indented quotation", async () => {
    const bytes = await renderPdf(
      doc(
        para(
          text('She told me: '),
          text('I want to stay at my school', ['youngPersonWords']),
          text(' and she was clear.'),
        ),
        { type: 'youngPersonQuote', content: [para(text('Nobody listens when I ring'))] },
      ),
      { title: 'x' },
    );
    const out = pdfText(bytes);
    expect(out).toContain('\u201CI want to stay at my school\u201D');
    expect(out).toContain('\u201CNobody listens when I ring\u201D');
    const { words } = pdfWords(bytes);
    const said = words.find((w) => w.text === 'She');
    const quote = words.find((w) => w.text.includes('want'));
    const nobody = words.find((w) => w.text.includes('Nobody'));
    expect(quote && said && quote.xMin > said.xMin + 20).toBe(true);
    expect(nobody && said && nobody.xMin > said.xMin + 20).toBe(true);
  });

  it('numbers ordered lists and bullets unordered ones', async () => {
    const item = (t: string): TipTapNode => ({ type: 'listItem', content: [para(text(t))] });
    const out = pdfText(
      await renderPdf(
        doc(
          { type: 'orderedList', content: [item('First thing'), item('Second thing')] },
          { type: 'bulletList', content: [item('A point')] },
        ),
        { title: 'x' },
      ),
    );
    expect(out).toMatch(/1\.\s+First thing/);
    expect(out).toMatch(/2\.\s+Second thing/);
    expect(out).toMatch(/•\s+A point/);
  });

  it('keeps the text of node types it does not know', async () => {
    const out = pdfText(
      await renderPdf(doc({ type: 'callout', content: [para(text('Kept anyway'))] }), { title: 'x' }),
    );
    expect(out).toContain('Kept anyway');
  });
});

describe('charts', () => {
  const data = [
    { label: 'Children in care', value: 42 },
    { label: 'Care leavers', value: 18 },
    { label: 'Child protection', value: 0 },
  ];

  it('draws a bar chart with its title, labels and values', async () => {
    const out = pdfText(
      await renderPdf(doc({ type: 'chart', attrs: { kind: 'bar', title: 'Referrals by type', data } }), { title: 'x' }),
    );
    for (const s of ['Referrals by type', 'Children in care', '42', 'Care leavers', '18']) expect(out).toContain(s);
  });

  it('draws a pie chart with a legend giving shares', async () => {
    const out = pdfText(
      await renderPdf(doc({ type: 'chart', attrs: { kind: 'pie', title: 'Referrals', data } }), { title: 'x' }),
    );
    expect(out).toContain('Children in care: 42 (70%)');
    expect(out).toContain('Care leavers: 18 (30%)');
  });
});
