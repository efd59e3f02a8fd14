import { afterAll, describe, expect, it } from 'vitest';
import { renderPdfWithReport } from '../../../electron/core/pdf';
import type { TipTapNode } from '../../../shared/templates/tiptap';
import { cleanupPoppler, pdfText, pdfWords, type Word } from './poppler';

afterAll(cleanupPoppler);

/*
 * English letters with names in other scripts, read back with poppler: English word order and
 * left alignment never change, a name in a right-to-left script reads right to left as one
 * unit, and no line starts with punctuation that belongs at the end of a word.
 */

const para = (text: string): TipTapNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const quote = (text: string): TipTapNode => ({ type: 'youngPersonQuote', content: [para(text)] });

const names: { language: string; rtl: boolean; one: string; five: string }[] = [
  { language: 'Arabic', rtl: true, one: 'محمد', five: 'محمد بن عبد الرحمن الهاشمي' },
  { language: 'Persian', rtl: true, one: 'پریسا', five: 'پریسا ژاله چمن زاده کریمی' },
  { language: 'Pashto', rtl: true, one: 'ګلپاڼه', five: 'ګلپاڼه ښکلې زړګی احمدزۍ خټک' },
  { language: 'Tigrinya', rtl: false, one: 'ሳምራዊት', five: 'ሳምራዊት ተስፋይ ገብረሚካኤል ወልደ ሃብተ' },
  { language: 'Amharic', rtl: false, one: 'ቤተልሔም', five: 'ቤተልሔም ገብረመድህን አበበ ተሰማ ወልዴ' },
];

const LEFT_MARGIN = 62;
/** The page number sits below this (points from the top). */
const FOOTER_TOP = 780;
/** Punctuation that closes what comes before it: it must never start a line. */
const CLOSING = /^[.,:;!?)\]\u201D'\u060C\u061B\u061F]/u;

/** pdftotext -bbox gives an Arabic-script word's characters in page order, right to left. */
const asDrawn = (word: string, rtl: boolean): string => (rtl ? [...word].reverse().join('') : word);

/**
 * Words grouped into lines, top to bottom, each left to right. Scripts sit at slightly different
 * heights in their fonts' boxes, so words within a few points of a line's top are on that line.
 */
function lines(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin);
  const out: Word[][] = [];
  for (const w of sorted) {
    const line = out.at(-1);
    const head = line?.[0];
    if (line && head && head.page === w.page && Math.abs(head.yMin - w.yMin) < 6) line.push(w);
    else out.push([w]);
  }
  return out.map((ws) => ws.sort((a, b) => a.xMin - b.xMin));
}

const english = (w: Word): boolean => /^[A-Za-z0-9/()',.:]+$/.test(w.text) && /[A-Za-z0-9]/.test(w.text);

/** English around the lines under test, as in a real letter (poppler reads a mostly-English page left to right). */
const CONTEXT =
  'I am an independent advocate with Northshire Advocacy. The young person has agreed to me writing to you and to you sharing this letter with the people who need to see it.';

async function render(...content: TipTapNode[]): Promise<{ text: string; lines: Word[][] }> {
  const { bytes, missingGlyphs } = await renderPdfWithReport(
    { type: 'doc', content: [...content, para(CONTEXT)] },
    { title: 'Test', confidentialFooter: false },
  );
  expect(missingGlyphs).toBe(0);
  return { text: pdfText(bytes), lines: lines(pdfWords(bytes).words.filter((w) => w.yMin < FOOTER_TOP)) };
}

function expectNoLineStartsWithClosingPunctuation(text: string, ls: Word[][]): void {
  for (const line of text.split('\n')) expect(line.trim()).not.toMatch(CLOSING);
  for (const line of ls) expect((line[0] as Word).text).not.toMatch(CLOSING);
}

describe.each(names)('an English letter naming a young person in $language', ({ rtl, one, five }) => {
  it.each([
    ['a one-word name', one],
    ['a five-word name', five],
  ])('keeps the English in order around %s, left aligned, the name in its own order', async (_label, name) => {
    const sentence = `In ${name}'s own words:`;
    const intro = `${name} (date of birth 02/04/2010) has asked me to help.`;
    const { text, lines: ls } = await render(para(sentence), para(intro), para(`Complaint on behalf of ${name}.`));
    const [first, second, third] = ls as [Word[], Word[], Word[]];
    const textLines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // pdftotext's own reading order: the line still starts and ends with its English words. (Poppler
    // counts the apostrophe in "name's" with the right-to-left word, so it is not compared here;
    // the positions of the words on the page are, below.)
    expect(textLines[0]?.startsWith('In ')).toBe(true);
    expect(textLines[0]?.endsWith('own words:')).toBe(true);
    expect(textLines[2]).toBe(`Complaint on behalf of ${name}.`);
    for (const line of ls.slice(0, 3)) expect((line[0] as Word).xMin).toBeLessThan(LEFT_MARGIN + 2);

    // "In <name>'s own words:": In first, then the name, then "own words:" at the right.
    expect((first[0] as Word).text).toBe('In');
    expect(first.at(-2)?.text).toBe('own');
    expect(first.at(-1)?.text).toBe('words:');
    const nameWords = name.split(' ');
    const drawn = first
      .slice(1, -2)
      .map((w) => w.text)
      .join(' ');
    const expectedOrder = rtl ? [...nameWords].reverse() : nameWords;
    // The last word of the name carries the "'s": it reads as the word followed by 's.
    const positions = expectedOrder.map((w) => drawn.indexOf(asDrawn(w, rtl)));
    for (const p of positions) expect(p).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < positions.length; i += 1) expect(positions[i]).toBeGreaterThan(positions[i - 1] as number);

    // The sentence that starts with the name is still English, left to right.
    const englishOrder = second.filter(english).map((w) => w.text);
    expect(englishOrder).toEqual(['(date', 'of', 'birth', '02/04/2010)', 'has', 'asked', 'me', 'to', 'help.']);
    expect(third.filter(english).map((w) => w.text)).toEqual(['Complaint', 'on', 'behalf', 'of']);
    expect(third.at(-1)?.text.endsWith('.')).toBe(true);
    expectNoLineStartsWithClosingPunctuation(text, ls);
  });

  it('keeps every line of a long paragraph in English order when the name wraps', async () => {
    const words = `Since the review on 3 March, ${five} has had contact with their brother cancelled four times, with less than a day's notice, and nobody has explained why to ${five} or to the foster carer, who supports the complaint made on behalf of ${one}.`;
    const { text, lines: ls } = await render(para(words));
    expect(ls.length).toBeGreaterThan(1);
    for (const line of ls) expect((line[0] as Word).xMin).toBeLessThan(LEFT_MARGIN + 2);
    // Every English word, in the order written, reading the lines top to bottom and left to right.
    const logical = `${words} ${CONTEXT}`.split(/\s+/).filter((w) => /^[A-Za-z0-9,.']+$/.test(w));
    const visual = ls
      .flat()
      .map((w) => w.text)
      .filter((w) => /^[A-Za-z0-9,.']+$/.test(w));
    expect(visual).toEqual(logical);
    expectNoLineStartsWithClosingPunctuation(text, ls);
  });
});

describe('a paragraph wholly in a right-to-left script', () => {
  it('runs right to left and is right aligned, also as a quotation of the young person', async () => {
    const { lines: ls } = await render(quote('أريد أن أرى أخي كل أسبوع'), para('محمد يسكن في لندن'));
    const [q, p] = ls as [Word[], Word[]];
    const order = (ws: Word[], expected: string[]): void => {
      const xs = expected.map((t) => ws.find((w) => w.text.includes(asDrawn(t, true)))?.xMin ?? NaN);
      for (let i = 1; i < xs.length; i += 1) expect(xs[i]).toBeLessThan(xs[i - 1] as number);
    };
    order(q, ['أريد', 'أرى', 'أخي', 'أسبوع']);
    order(p, ['محمد', 'يسكن', 'في', 'لندن']);
    expect(Math.max(...p.map((w) => w.xMax))).toBeGreaterThan(595 - LEFT_MARGIN - 4);
  });
});
