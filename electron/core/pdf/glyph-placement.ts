/**
 * Turns shaped glyphs into a PDF TJ array. pdf-lib's own drawText moves the pen by each glyph's
 * default advance, so the font's kerning (AV, To, WA) was lost. Here the shaper's advance for each
 * glyph becomes an adjustment after it, in thousandths of the font size (PDF subtracts them).
 *
 * Glyph offsets (the shaper's placement of an Arabic vowel mark over its letter) are not applied:
 * drawn away from the pen, poppler and other readers take such marks out of the word when the
 * text is copied or searched, and a name must read back as typed. They stay where pdf-lib put them.
 */

export interface PlacedGlyph {
  /** The glyph's code in the embedded font (hex, as pdf-lib encodes it). */
  code: string;
  /** The glyph's default advance and the shaper's, in font units. */
  advance: number;
  xAdvance: number;
}

export function kernedGlyphs(glyphs: readonly PlacedGlyph[], unitsPerEm: number): (string | number)[] {
  const k = 1000 / unitsPerEm;
  const items: (string | number)[] = [];
  for (const g of glyphs) {
    items.push(g.code);
    const adjust = Math.round((g.advance - g.xAdvance) * k * 1000) / 1000;
    if (adjust !== 0) items.push(adjust);
  }
  return items;
}
