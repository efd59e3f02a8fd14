import type { TextBlock } from './blocks';
import { PAGE, lineHeight } from './flow';
import type { Line } from './text-layout';

/*
 * Where a page may not break. Each text block gets two heights the flow must have room for:
 * before its first line (so a paragraph never leaves one line at the foot of a page, and a
 * heading or a line that leads into a list is never left there without what follows) and before
 * its last two lines (so one line is never left alone at the top of the next page, and the last
 * paragraph of a letter stays with its closing and signature).
 */

export interface Laid {
  block: TextBlock;
  lines: Line[];
}

export interface Keep {
  /** Room needed before the first line is placed. */
  start: number;
  /** Room needed before the second-to-last line is placed (0: no rule). */
  lastTwo: number;
}

const EMPTY_LINE = 11 * 1.45;
const PAGE_ROOM = PAGE.height - PAGE.top - PAGE.bottom;
const SIGN_OFF =
  /^(yours\b|kind regards|best wishes|with best wishes|warm regards|regards|take care|thank you|many thanks|with thanks)/i;

const sum = (lines: Line[]): number => lines.reduce((h, l) => h + lineHeight(l), 0);
const heightOf = (b: Laid): number => b.block.spaceBefore + (b.lines.length ? sum(b.lines) : EMPTY_LINE);
const textOf = (b: Laid): string =>
  b.block.spans
    .map((s) => s.text)
    .join('')
    .trim();

/** "Yours sincerely," and the like: one short line that closes the letter. */
export function isSignOff(b: Laid): boolean {
  const text = textOf(b);
  return b.lines.length === 1 && text.length <= 40 && (SIGN_OFF.test(text) || text.endsWith(','));
}

/** A line that introduces what follows ("The complaint is about:"), so it must not end a page. */
const leadsIn = (b: Laid): boolean => b.block.keepWithNext || (b.lines.length <= 2 && textOf(b).endsWith(':'));

const isQuote = (b: Laid): boolean => b.block.bar !== null;

/**
 * The room each block needs. `blocks` is the document in order (null for charts and rules, which
 * break every chain); `tail` is the height of the signature block placed after the last block.
 */
export function keepRules(blocks: (Laid | null)[], tail: number): Keep[] {
  const keeps: Keep[] = blocks.map(() => ({ start: 0, lastTwo: 0 }));
  // The last paragraph keeps the closing lines after it and the signature with it.
  let last = blocks.length - 1;
  let closing = tail;
  while (last >= 0) {
    const b = blocks[last];
    if (!b || !(b.lines.length === 0 || isSignOff(b))) break;
    closing += heightOf(b);
    last -= 1;
  }
  for (let i = blocks.length - 1; i >= 0; i -= 1) {
    const b = blocks[i];
    if (!b || b.lines.length === 0) continue;
    const next = blocks[i + 1];
    const n = b.lines.length;
    let after = 0;
    if (next && (leadsIn(b) || (isQuote(b) && isQuote(next) && n === 1))) {
      after =
        next.block.spaceBefore +
        (next.lines.length ? Math.max(keeps[i + 1]?.start ?? 0, sum(next.lines.slice(0, 2))) : EMPTY_LINE);
    } else if (next === null && b.block.keepWithNext) {
      // A heading above a chart or a rule: keep room for the start of what it introduces.
      after = 3 * EMPTY_LINE;
    }
    if (i === last && closing > 0) after = Math.max(after, closing);
    const keep = keeps[i] as Keep;
    if (n <= 3) keep.start = sum(b.lines) + after;
    else {
      keep.start = sum(b.lines.slice(0, 2));
      keep.lastTwo = sum(b.lines.slice(-2)) + after;
    }
    keep.start = Math.min(keep.start, PAGE_ROOM);
    keep.lastTwo = Math.min(keep.lastTwo, PAGE_ROOM);
  }
  return keeps;
}
