import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { configureFontDirectory, renderPdfWithReport } from '../../../electron/core/pdf';

const doc = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Name: محمد, ሰላም, Łucja' }] }],
};

it('reads the fonts once per process, not once per letter', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-fonts-'));
  cpSync(resolve(import.meta.dirname, '../../../resources/fonts'), dir, { recursive: true });
  configureFontDirectory(dir);
  const first = await renderPdfWithReport(doc, { title: 'x' });
  rmSync(dir, { recursive: true, force: true });
  // The files are gone: a second letter can only be made from the fonts already parsed.
  const second = await renderPdfWithReport(doc, { title: 'x' });
  expect(second.missingGlyphs).toBe(0);
  expect(second.bytes.length).toBeGreaterThan(1000);
  expect(first.pages).toBe(1);
});

it('says plainly when the fonts are missing', async () => {
  configureFontDirectory(join(tmpdir(), 'heard-no-fonts-here'));
  await expect(renderPdfWithReport(doc, { title: 'x' })).rejects.toThrow(/font .* is missing/);
});
