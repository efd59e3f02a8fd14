/*
 * Which way a paragraph runs, decided from the document and the same on screen and in the PDF.
 *
 * Letters are written in English, so a paragraph is left to right unless every letter in it is in a
 * right-to-left script (the young person's own words in Arabic, say). Inside a left-to-right
 * paragraph, each stretch of right-to-left text (a name, a quotation) is a separate isolated run,
 * so a long Arabic-script name can never pull the English around it out of order. Counting letters
 * instead (majority wins) lets a five-word name turn "In [name]'s own words:" back to front.
 */

export type Direction = 'ltr' | 'rtl';

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms. */
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LETTER = /\p{L}/gu;

export const isRtlChar = (ch: string): boolean => RTL_CHAR.test(ch);

/** A paragraph wholly in a right-to-left script is right to left; anything else is left to right. */
export function paragraphDirection(text: string): Direction {
  const rtl = text.match(RTL_LETTER)?.length ?? 0;
  if (rtl === 0) return 'ltr';
  const letters = text.match(LETTER)?.length ?? 0;
  return letters === rtl ? 'rtl' : 'ltr';
}

export interface IsolatedRun {
  /** UTF-16 offsets in the paragraph's text: [start, end). */
  start: number;
  end: number;
}

const STRONG_LTR_LETTER = (ch: string): boolean => /\p{L}/u.test(ch) && !RTL_CHAR.test(ch);

/**
 * The stretches of right-to-left text inside a left-to-right paragraph, each from its first to its
 * last right-to-left character (spaces and digits between two right-to-left words belong to the
 * run; those after its last word do not). An RTL paragraph has none: it is all one direction.
 */
export function isolatedRuns(text: string, direction: Direction = paragraphDirection(text)): IsolatedRun[] {
  if (direction === 'rtl' || !RTL_CHAR.test(text)) return [];
  const runs: IsolatedRun[] = [];
  let start = -1;
  let lastRtlEnd = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (RTL_CHAR.test(ch)) {
      if (start < 0) start = i;
      lastRtlEnd = i + 1;
    } else if (start >= 0 && (STRONG_LTR_LETTER(ch) || ch === '\n')) {
      runs.push({ start, end: lastRtlEnd });
      start = -1;
    }
  }
  if (start >= 0) runs.push({ start, end: lastRtlEnd });
  return runs;
}

/** First strong isolate and pop directional isolate (Unicode's bidirectional algorithm, UAX #9), as the PDF layout feeds them to bidi. */
export const RLI = '\u2067';
export const PDI = '\u2069';
