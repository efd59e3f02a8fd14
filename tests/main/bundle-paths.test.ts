import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron/main bundles core into dist/electron/main.js, so `import.meta.dirname` in core points at
 * dist/electron there, not at the source folder. Core code that finds files beside itself must let
 * main tell it the real folder (as pdf/fonts.ts does with configureFontDirectory, called in
 * electron/main/index.ts). This list is those files; add yours here only after wiring it in main.
 */
const configuredByMain = ['electron/core/pdf/fonts.ts'];

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'cli' ? [] : sources(path); // the CLI runs from source, never bundled
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('paths inside the Electron bundle', () => {
  it('core code that locates files relative to itself is given its folder by electron/main', () => {
    const selfLocating = [...sources(join(root, 'electron', 'core')), ...sources(join(root, 'shared'))]
      .filter((file) => /import\.meta\.(dirname|filename|url)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split('\\').join('/'));
    expect(selfLocating.filter((file) => !configuredByMain.includes(file))).toEqual([]);
    const entry = readFileSync(join(root, 'electron', 'main', 'index.ts'), 'utf8');
    expect(entry).toContain('configureFontDirectory(paths.fontsDir)');
  });
});
