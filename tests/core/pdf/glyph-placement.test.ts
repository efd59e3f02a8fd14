import { expect, it } from 'vitest';
import { kernedGlyphs } from '../../../electron/core/pdf/glyph-placement';

it("moves the pen by the shaper's advance, not the glyph's default one, and writes nothing where they agree", () => {
  // "AV" in a 1,000-unit font: the A is kerned 40 units closer to the V; the V is not kerned.
  const items = kernedGlyphs(
    [
      { code: '0024', advance: 639, xAdvance: 599 },
      { code: '0039', advance: 600, xAdvance: 600 },
    ],
    1000,
  );
  expect(items).toEqual(['0024', 40, '0039']);
  // In a 2,048-unit font the same adjustment is given in thousandths of the size.
  expect(kernedGlyphs([{ code: '0001', advance: 1300, xAdvance: 1198 }], 2048)).toEqual(['0001', 49.805]);
});
