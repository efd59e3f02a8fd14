import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** A file longer than this is doing more than one thing; split it by what its parts hold. */
const MAX_LINES = 400;

function productFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return productFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('file size', () => {
  it(`keeps every production file to ${MAX_LINES} lines`, () => {
    const long = ['electron', 'server', 'shared', 'renderer/src']
      .flatMap(productFiles)
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
