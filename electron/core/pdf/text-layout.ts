import bidiFactory from 'bidi-js';
import { PDI, RLI, isolatedRuns, paragraphDirection, type Direction } from '../../../shared/templates/direction';
import { fontFor, isFormatChar, scriptFamily, textWidth, notdefCount, type Family, type FontKey } from './fonts';

/*
 * Lays a paragraph of styled text out into lines no wider than the space given. Words are
 * measured with the fonts that will draw them; the Unicode bidi algorithm runs over the paragraph
 * and each line is reordered on its own (rules L1-L2 of UAX #9, that algorithm), so "Name: محمد 123" reads correctly.
 *
 * pdf-lib hands each string to fontkit, which shapes it and, for Arabic script, reverses the glyphs
 * itself. So a right-to-left run that contains Arabic letters is passed in logical order (fontkit
 * joins and reverses it); every other run is passed in visual order.
 */

const bidi = bidiFactory();

export interface SpanStyle {
  bold: boolean;
  italic: boolean;
  size: number;
  color: [number, number, number];
}

export interface Span {
  text: string;
  style: SpanStyle;
}

export interface Run {
  font: FontKey;
  text: string;
  size: number;
  width: number;
  color: [number, number, number];
}

export interface Line {
  runs: Run[];
  width: number;
  /** Largest font size on the line, for the line's height. */
  size: number;
  rtl: boolean;
}

export interface LayoutStats {
  /** Characters that no bundled font can draw (drawn as "?"), and glyphs that shaped to .notdef. */
  missingGlyphs: number;
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

interface Char {
  font: FontKey;
  style: SpanStyle;
}

/**
 * The font for every character. A character of no script (a space, an apostrophe, a full stop)
 * takes the font of the text around it; between two scripts it takes the paragraph's own: in an
 * English sentence the "'s" and the full stop after an Arabic name are English, so they are drawn
 * (and read back by a PDF reader) as part of the English, not glued to the name.
 */
function assignFonts(
  text: string,
  styles: SpanStyle[],
  direction: Direction,
  stats: LayoutStats,
): { text: string; chars: Char[] } {
  let out = '';
  const chars: Char[] = [];
  const rtlParagraph = direction === 'rtl';
  const units = [...text];
  const own = units.map(scriptFamily);
  const nextFamily: (Family | null)[] = new Array<Family | null>(units.length).fill(null);
  for (let k = units.length - 2; k >= 0; k -= 1) nextFamily[k] = own[k + 1] ?? nextFamily[k + 1] ?? null;
  let prev: Family | null = null;
  let i = 0;
  units.forEach((raw, k) => {
    const style = styles[i] as SpanStyle;
    i += raw.length;
    let ch = raw;
    const mine = own[k] ?? null;
    const next = nextFamily[k] ?? null;
    let family: Family;
    if (mine) family = mine;
    else if (prev === next || next === null) family = prev ?? next ?? 'latin';
    else if (prev === null) family = next;
    else if (rtlParagraph) family = prev === 'arabic' || next === 'arabic' ? 'arabic' : prev;
    else family = prev !== 'arabic' ? prev : next;
    if (!mine && !rtlParagraph && family === 'arabic' && next !== 'arabic') family = 'latin';
    let font = ch === '\n' ? (`${family}-regular` as FontKey) : fontFor(ch, family, style.bold, style.italic);
    if (font === null) {
      if (isFormatChar(ch)) return;
      stats.missingGlyphs += 1;
      ch = '?';
      font = fontFor(ch, 'latin', style.bold, style.italic) as FontKey;
    }
    if (mine) prev = mine;
    out += ch;
    for (let c = 0; c < ch.length; c += 1) chars.push({ font, style });
  });
  return { text: out, chars };
}

function measure(text: string, chars: Char[], start: number, end: number): number {
  let width = 0;
  let from = start;
  for (let i = start + 1; i <= end; i += 1) {
    const a = chars[from] as Char;
    const b = chars[i];
    if (i === end || !b || b.font !== a.font || b.style.size !== a.style.size) {
      width += textWidth(a.font, text.slice(from, i), a.style.size);
      from = i;
    }
  }
  return width;
}

/** Splits [start, end) into breakable pieces: words with their trailing spaces, newlines alone. */
function pieces(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n|[^\s]*[^\S\n]*/gy;
  re.lastIndex = start;
  while (re.lastIndex < end) {
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] as string)) e -= 1;
  return e;
}

/** Line ranges by greedy filling; a word wider than a whole line is broken between characters. */
function breakLines(text: string, chars: Char[], maxWidth: number): [number, number][] {
  const lines: [number, number][] = [];
  let lineStart = 0;
  let lineEnd = 0;
  let width = 0;
  const flush = (next: number): void => {
    lines.push([lineStart, lineEnd]);
    lineStart = next;
    lineEnd = next;
    width = 0;
  };
  for (const [s, e] of pieces(text, 0, text.length)) {
    if (text[s] === '\n') {
      flush(e);
      continue;
    }
    const visible = trimmedEnd(text, s, e);
    const w = measure(text, chars, s, visible);
    if (lineEnd > lineStart && width + w > maxWidth) flush(s);
    if (w > maxWidth) {
      // One long word (a URL, a reference): break it wherever it must.
      let from = s;
      for (let i = s + 1; i <= visible; i += 1) {
        if (measure(text, chars, from, i) > maxWidth && i - 1 > from) {
          lineEnd = i - 1;
          flush(i - 1);
          from = i - 1;
        }
      }
      lineEnd = e;
      width = measure(text, chars, from, visible) + (e > visible ? measure(text, chars, visible, e) : 0);
      continue;
    }
    lineEnd = e;
    width += measure(text, chars, s, e);
  }
  if (lineEnd > lineStart || lines.length === 0) lines.push([lineStart, lineEnd]);
  return lines;
}

function visualRuns(
  text: string,
  chars: Char[],
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  start: number,
  end: number,
  stats: LayoutStats,
): Run[] {
  if (end <= start) return [];
  const order: number[] = [];
  for (let i = start; i < end; i += 1) order.push(i);
  for (const [a, b] of bidi.getReorderSegments(text, levels, start, end - 1)) {
    const s = a - start;
    const slice = order.slice(s, b - start + 1).reverse();
    order.splice(s, slice.length, ...slice);
  }
  const runs: Run[] = [];
  let group: number[] = [];
  const close = (): void => {
    if (group.length === 0) return;
    const first = group[0] as number;
    const c = chars[first] as Char;
    const rtl = ((levels.levels[first] as number) & 1) === 1;
    const logical = [...group].sort((x, y) => x - y);
    const runText =
      rtl && RTL_LETTER.test(text.slice(logical[0], (logical.at(-1) as number) + 1))
        ? text.slice(logical[0], (logical.at(-1) as number) + 1)
        : group.map((i) => (rtl ? (bidi.getMirroredCharacter(text[i] as string) ?? text[i]) : text[i])).join('');
    stats.missingGlyphs += notdefCount(c.font, runText);
    runs.push({
      font: c.font,
      text: runText,
      size: c.style.size,
      width: textWidth(c.font, runText, c.style.size),
      color: c.style.color,
    });
    group = [];
  };
  for (const i of order) {
    const prev = group.at(-1);
    const c = chars[i] as Char;
    const p = prev === undefined ? null : (chars[prev] as Char);
    const contiguous = prev !== undefined && Math.abs(i - prev) === 1;
    const same =
      p !== null && p.font === c.font && p.style === c.style && levels.levels[prev as number] === levels.levels[i];
    if (!(contiguous && same)) close();
    group.push(i);
  }
  close();
  return runs;
}

type Levels = ReturnType<typeof bidi.getEmbeddingLevels>;

/**
 * Embedding levels for the paragraph, its direction taken from the document (see
 * shared/templates/direction.ts): each right-to-left stretch inside a left-to-right paragraph is
 * wrapped in an isolate for the bidi algorithm, and the isolate marks are then taken out again so
 * they are never drawn or measured.
 */
function paragraphLevels(text: string, direction: Direction): { levels: Levels; rtl: boolean } {
  const runs = isolatedRuns(text, direction);
  if (runs.length === 0) return { levels: bidi.getEmbeddingLevels(text, direction), rtl: direction === 'rtl' };
  let isolated = '';
  const origin: number[] = [];
  let at = 0;
  for (const run of runs) {
    isolated += text.slice(at, run.start) + RLI + text.slice(run.start, run.end) + PDI;
    for (let i = at; i < run.start; i += 1) origin.push(i);
    origin.push(-1);
    for (let i = run.start; i < run.end; i += 1) origin.push(i);
    origin.push(-1);
    at = run.end;
  }
  isolated += text.slice(at);
  for (let i = at; i < text.length; i += 1) origin.push(i);
  const full = bidi.getEmbeddingLevels(isolated, direction);
  const levels = new Uint8Array(text.length);
  origin.forEach((o, i) => {
    if (o >= 0) levels[o] = full.levels[i] as number;
  });
  // Paragraph ranges (hard line breaks) mapped back to offsets in the text without isolates.
  const back = (i: number, dir: 1 | -1): number => {
    let k = i;
    while (k >= 0 && k < origin.length && (origin[k] as number) < 0) k += dir;
    return origin[k] ?? (dir === 1 ? text.length - 1 : 0);
  };
  const paragraphs = full.paragraphs.map((p) => ({ start: back(p.start, 1), end: back(p.end, -1), level: p.level }));
  return { levels: { levels, paragraphs }, rtl: direction === 'rtl' };
}

/** Lays out one paragraph. Text is normalised to NFC so Vietnamese tone marks use composed glyphs. */
export function layoutParagraph(spans: Span[], maxWidth: number, stats: LayoutStats): Line[] {
  let joined = '';
  const styles: SpanStyle[] = [];
  for (const span of spans) {
    const t = span.text.normalize('NFC').replace(/\t/g, ' ').replace(/\r\n?/g, '\n');
    joined += t;
    for (let k = 0; k < t.length; k += 1) styles.push(span.style);
  }
  const direction = paragraphDirection(joined);
  const { text, chars } = assignFonts(joined, styles, direction, stats);
  if (text.length === 0) return [];
  const { levels } = paragraphLevels(text, direction);
  const lines: Line[] = [];
  for (const [s, e] of breakLines(text, chars, maxWidth)) {
    const visibleEnd = trimmedEnd(text, s, e);
    const runs = visualRuns(text, chars, levels, s, visibleEnd, stats);
    const para = levels.paragraphs.find((p) => s >= p.start && s <= p.end);
    const size = runs.reduce((m, r) => Math.max(m, r.size), chars[s]?.style.size ?? 11);
    lines.push({ runs, width: runs.reduce((w, r) => w + r.width, 0), size, rtl: ((para?.level ?? 0) & 1) === 1 });
  }
  return lines;
}
