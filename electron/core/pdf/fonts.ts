import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fontkit, { type Font, type Glyph, type GlyphPosition } from '@pdf-lib/fontkit';

/*
 * The bundled fonts (resources/fonts, Noto under the SIL OFL) and the choice of font for each
 * character. Fonts are read and parsed once per process: pdf-lib is handed a fontkit stand-in whose
 * `create` returns the already-parsed font for the same bytes, so a letter never re-parses a font.
 * Shaping (fontkit's `layout`) is the slow part of drawing text, so it is done word by word and
 * remembered: shaping never joins across a space, and the same words recur in every letter.
 */

export type Family = 'latin' | 'arabic' | 'ethiopic';
export type FontKey = `${Family}-${'regular' | 'bold' | 'italic' | 'bolditalic'}`;

const files: Record<FontKey, string | null> = {
  'latin-regular': 'NotoSans-Regular.ttf',
  'latin-bold': 'NotoSans-Bold.ttf',
  'latin-italic': 'NotoSans-Italic.ttf',
  'latin-bolditalic': 'NotoSans-BoldItalic.ttf',
  'arabic-regular': 'NotoSansArabic-Regular.ttf',
  'arabic-bold': 'NotoSansArabic-Bold.ttf',
  // Arabic and Ethiopic scripts have no italic; their upright faces are used (see fontFileKey).
  'arabic-italic': null,
  'arabic-bolditalic': null,
  'ethiopic-regular': 'NotoSansEthiopic-Regular.ttf',
  'ethiopic-bold': 'NotoSansEthiopic-Bold.ttf',
  'ethiopic-italic': null,
  'ethiopic-bolditalic': null,
};

export interface LoadedFont {
  key: FontKey;
  bytes: Uint8Array;
  font: Font;
}

let fontDir = resolve(import.meta.dirname, '../../../resources/fonts');
const loaded = new Map<FontKey, LoadedFont>();
const byBytes = new WeakMap<Uint8Array, Font>();

/** Where the TTFs are; electron/main passes `<resourcesPath>/fonts` when packaged. */
export function configureFontDirectory(dir: string): void {
  if (dir !== fontDir) loaded.clear();
  fontDir = dir;
}

/** The key whose file is used: italic falls back to upright for scripts without italics. */
export function fontFileKey(key: FontKey): FontKey {
  if (files[key] !== null) return key;
  return key.replace('bolditalic', 'bold').replace('italic', 'regular') as FontKey;
}

export function loadFont(key: FontKey): LoadedFont {
  const fileKey = fontFileKey(key);
  const hit = loaded.get(fileKey);
  if (hit) return hit;
  const file = files[fileKey] as string;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(join(fontDir, file)));
  } catch {
    throw new Error(`The font ${file} is missing from ${fontDir}; Heard cannot make PDFs without it.`);
  }
  const font = withCachedLayout(withCodePointRepair(fontkit.create(bytes)));
  const entry = { key: fileKey, bytes, font };
  loaded.set(fileKey, entry);
  byBytes.set(bytes, font);
  return entry;
}

/** Handed to pdf-lib's registerFontkit: parsed fonts come from the cache, anything else is parsed. */
export const cachingFontkit = {
  create(buffer: Uint8Array, postscriptName?: string): Font {
    return byBytes.get(buffer) ?? fontkit.create(buffer, postscriptName);
  },
};

export function styleKey(family: Family, bold: boolean, italic: boolean): FontKey {
  const style = bold && italic ? 'bolditalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
  return `${family}-${style}`;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]/;
/** Characters that belong to no script and so take the font of the text around them. */
const NEUTRAL = /[\s\p{P}\p{S}\p{M}\p{Cf}]/u;

export function scriptFamily(ch: string): Family | null {
  if (ARABIC.test(ch)) return 'arabic';
  if (ETHIOPIC.test(ch)) return 'ethiopic';
  if (NEUTRAL.test(ch)) return null;
  return 'latin';
}

export const isFormatChar = (ch: string): boolean => /\p{Cf}/u.test(ch);

const fallbackOrder: Family[] = ['latin', 'arabic', 'ethiopic'];
const choiceCache = new Map<string, FontKey | null>();

/**
 * The font for one character: its script's font, else the neighbouring text's font, else any
 * bundled font that has the glyph. Null means no bundled font can draw it.
 */
export function fontFor(ch: string, preferred: Family, bold: boolean, italic: boolean): FontKey | null {
  const own = scriptFamily(ch) ?? preferred;
  const cacheKey = `${ch}|${own}|${bold ? 1 : 0}${italic ? 1 : 0}`;
  const hit = choiceCache.get(cacheKey);
  if (hit !== undefined) return hit;
  const cp = ch.codePointAt(0) as number;
  let chosen: FontKey | null = null;
  for (const family of [own, ...fallbackOrder.filter((f) => f !== own)]) {
    const key = styleKey(family, bold, italic);
    if (loadFont(key).font.hasGlyphForCodePoint(cp)) {
      chosen = key;
      break;
    }
  }
  choiceCache.set(cacheKey, chosen);
  return chosen;
}

/** Code points in `text` that no bundled font can draw (format characters aside). */
export function missingCodePoints(text: string): number[] {
  const missing = new Set<number>();
  for (const ch of text.normalize('NFC')) {
    if (isFormatChar(ch) || ch === '\n') continue;
    if (fontFor(ch, 'latin', false, false) === null) missing.add(ch.codePointAt(0) as number);
  }
  return [...missing];
}

interface Shaped {
  glyphs: Glyph[];
  positions: GlyphPosition[];
  /** Sum of the shaper's advances (kerning included), in font units. */
  advance: number;
  /** Glyphs that shaped to .notdef (id 0): a box the reader would see. */
  notdef: number;
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const shapeCache = new WeakMap<Font, Map<string, Shaped>>();

function shapeToken(font: Font, token: string): Shaped {
  let cache = shapeCache.get(font);
  if (!cache) shapeCache.set(font, (cache = new Map()));
  let shaped = cache.get(token);
  if (!shaped) {
    const run = font.layout(token);
    let advance = 0;
    let notdef = 0;
    // The shaper's advances, so a measured line is as wide as the drawn one (kerning included).
    for (const p of run.positions) advance += p.xAdvance;
    for (const g of run.glyphs) if (g.id === 0) notdef += 1;
    shaped = { glyphs: run.glyphs, positions: run.positions, advance, notdef };
    if (cache.size > 20_000) cache.clear();
    cache.set(token, shaped);
  }
  return shaped;
}

const tokens = (text: string): string[] => (/\s/.test(text) ? text.split(/(\s+)/).filter((t) => t.length > 0) : [text]);

/**
 * Shapes word by word. For a right-to-left run fontkit reverses each word's glyphs, so the words
 * themselves are put in reverse order to give the same result as shaping the whole run.
 */
function shapeText(font: Font, text: string): Shaped {
  if (!/\s/.test(text)) return shapeToken(font, text);
  const parts = tokens(text).map((t) => shapeToken(font, t));
  if (RTL_LETTER.test(text)) parts.reverse();
  return {
    glyphs: parts.flatMap((p) => p.glyphs),
    positions: parts.flatMap((p) => p.positions),
    advance: 0,
    notdef: 0,
  };
}

/**
 * fontkit keeps one Glyph object per glyph id, carrying the code points it was first created
 * with. Subsetting creates component glyphs (such as the "i" inside "ị") with none, and from then
 * on every "i" drawn had no text behind it: copy, search and screen readers lost the letter.
 * Whenever a glyph is asked for with its characters and has none, they are filled in.
 */
function withCodePointRepair(font: Font): Font {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []): Glyph => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = [...codePoints];
    return glyph;
  };
  return font;
}

/** The parsed font with `layout` answered from the word cache (pdf-lib calls it for every string drawn). */
const rawFonts = new WeakMap<Font, Font>();

function withCachedLayout(font: Font): Font {
  const proxy = new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return (text: string) => shapeText(target, text);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  rawFonts.set(proxy, font);
  return proxy;
}

interface Measured {
  /** Advance width in ems. */
  units: number;
  /** Glyphs that shaped to .notdef (id 0): a box the reader would see. */
  notdef: number;
}

function measure(key: FontKey, text: string): Measured {
  const { font } = loadFont(key);
  const raw = rawFonts.get(font) ?? font;
  let units = 0;
  let notdef = 0;
  for (const t of tokens(text)) {
    const shaped = shapeToken(raw, t);
    units += shaped.advance;
    notdef += shaped.notdef;
  }
  return { units: units / font.unitsPerEm, notdef };
}

/** The glyphs of `text` as drawn (visual order): default and shaped advances, in font units. */
export function shapeForDrawing(
  key: FontKey,
  text: string,
): { unitsPerEm: number; glyphs: { advance: number; xAdvance: number }[] } {
  const { font } = loadFont(key);
  const shaped = shapeText(rawFonts.get(font) ?? font, text);
  return {
    unitsPerEm: font.unitsPerEm,
    glyphs: shaped.glyphs.map((g, i) => ({ advance: g.advanceWidth, xAdvance: shaped.positions[i]!.xAdvance })),
  };
}

export function textWidth(key: FontKey, text: string, size: number): number {
  return measure(key, text).units * size;
}

/** Glyphs in `text` that shape to .notdef in this font. */
export function notdefCount(key: FontKey, text: string): number {
  return measure(key, text).notdef;
}
