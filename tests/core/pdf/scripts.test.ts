import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingCodePoints, renderPdfWithReport } from '../../../electron/core/pdf';
import type { TipTapNode } from '../../../shared/templates/tiptap';
import { cleanupPoppler, inkOnFirstPage, pdfFonts, pdfText, pdfWords } from './poppler';

afterAll(cleanupPoppler);

// Ink on a page with only the footer rule: a name must add clearly more than that.
let blankInk = 0;
beforeAll(async () => {
  const { bytes } = await renderPdfWithReport(
    { type: 'doc', content: [] },
    { title: 'Test', confidentialFooter: false },
  );
  blankInk = inkOnFirstPage(bytes);
});

const para = (text: string): TipTapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const docOf = (...texts: string[]): TipTapNode => ({ type: 'doc', content: texts.map(para) });

// Names as advocates would type them; each uses letters particular to its language.
const names: { language: string; name: string; font: RegExp }[] = [
  { language: 'Arabic', name: 'محمد عبد الرحمن', font: /NotoSansArabic/ },
  { language: 'Pashto', name: 'ګلپاڼه ښکلې زړګی', font: /NotoSansArabic/ },
  { language: 'Dari', name: 'پریسا ژاله چمن', font: /NotoSansArabic/ },
  { language: 'Sorani', name: 'ڕێژنە ئازاد هەڵۆ', font: /NotoSansArabic/ },
  { language: 'Tigrinya', name: 'ሳምራዊት ተስፋይ', font: /NotoSansEthiopic/ },
  { language: 'Amharic', name: 'ቤተልሔም ገብረመድህን', font: /NotoSansEthiopic/ },
  { language: 'Vietnamese', name: 'Nguyễn Thị Ánh Tuyết', font: /NotoSans-Regular/ },
  { language: 'Polish', name: 'Zuzanna Wójcik-Łęcka Żółtowska', font: /NotoSans-Regular/ },
];

describe.each(names)('a $language name', ({ name, font }) => {
  it('has a glyph for every character in the bundled fonts', () => {
    expect(missingCodePoints(name)).toEqual([]);
  });

  it('is drawn with no missing glyph, read back as typed, in the right font', async () => {
    const { bytes, missingGlyphs } = await renderPdfWithReport(docOf(`Young person: ${name}`), { title: 'Test' });
    expect(missingGlyphs).toBe(0);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    for (const word of name.split(' ')) expect(text).toContain(word.normalize('NFC'));
    const fonts = pdfFonts(bytes);
    expect(fonts.some((f) => font.test(f.name) && f.embedded)).toBe(true);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('is visible on the rendered page', async () => {
    const { bytes } = await renderPdfWithReport(docOf(name), { title: 'Test', confidentialFooter: false });
    expect(inkOnFirstPage(bytes)).toBeGreaterThan(blankInk * 4);
  });
});

/** pdftotext -bbox gives each word's glyphs in page order: an Arabic word reads backwards there. */
const onPage = (word: string): string => [...word].reverse().join('');

describe('bidirectional text', () => {
  it('lays out "Name: محمد 123" with the name as an isolated run and the digits in order', async () => {
    const { bytes } = await renderPdfWithReport(docOf('Name: محمد 123'), { title: 'Test', confidentialFooter: false });
    const words = pdfWords(bytes).words.filter((w) => ['Name:', onPage('محمد'), '123'].includes(w.text));
    const x = Object.fromEntries(words.map((w) => [w.text === onPage('محمد') ? 'محمد' : w.text, w.xMin]));
    expect(Object.keys(x).sort()).toEqual(['123', 'Name:', 'محمد'].sort());
    // Left to right on the page, as written: the label, the name (an isolated right-to-left run),
    // then the number, whose digits are not reversed.
    expect(x['Name:']).toBeLessThan(x['محمد'] as number);
    expect(x['محمد']).toBeLessThan(x['123'] as number);
  });

  it('keeps the words of an Arabic paragraph right to left and right-aligned', async () => {
    const { bytes } = await renderPdfWithReport(docOf('محمد يسكن في لندن'), {
      title: 'Test',
      confidentialFooter: false,
    });
    const { words, pageWidth } = pdfWords(bytes);
    const order = ['محمد', 'يسكن', 'في', 'لندن'].map((t) => words.find((w) => w.text === onPage(t))?.xMin ?? NaN);
    for (let i = 1; i < order.length; i += 1) expect(order[i]).toBeLessThan(order[i - 1] as number);
    const rightEdge = Math.max(...words.map((w) => w.xMax));
    expect(pageWidth - rightEdge).toBeLessThan(70);
  });

  it('keeps an English sentence that starts with an Arabic name left to right', async () => {
    const { bytes } = await renderPdfWithReport(docOf('محمد made a complaint on 02/03/2026 about contact.'), {
      title: 'Test',
      confidentialFooter: false,
    });
    const { words } = pdfWords(bytes);
    const name = words.find((w) => w.text === onPage('محمد'));
    const made = words.find((w) => w.text === 'made');
    const about = words.find((w) => w.text === 'about');
    expect(name && made && about).toBeTruthy();
    expect(name!.xMin).toBeLessThan(made!.xMin);
    expect(made!.xMin).toBeLessThan(about!.xMin);
    expect(name!.xMin).toBeLessThan(70);
  });

  it('writes Ethiopic left to right', async () => {
    const { bytes } = await renderPdfWithReport(docOf('ሰላም ዓለም'), { title: 'Test', confidentialFooter: false });
    const words = pdfWords(bytes).words;
    const a = words.find((w) => w.text === 'ሰላም');
    const b = words.find((w) => w.text === 'ዓለም');
    expect(a && b && a.xMin < b.xMin).toBe(true);
  });
});

describe('characters no bundled font has', () => {
  it('are counted and replaced, never drawn as an empty box', async () => {
    expect(missingCodePoints('漢')).toEqual([0x6f22]);
    const { missingGlyphs, bytes } = await renderPdfWithReport(docOf('Name: 漢'), { title: 'Test' });
    expect(missingGlyphs).toBe(1);
    expect(pdfText(bytes)).toContain('Name: ?');
  });
});
