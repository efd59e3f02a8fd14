import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';

/**
 * The public pages' files: their own scripts and stylesheet, and @hpke/core's ESM files served
 * as they are installed (the import map in page-shell.ts points at them), so the browser runs
 * the kept library and nothing home-made.
 */
const require = createRequire(import.meta.url);
const ROOTS: Record<string, string> = {
  own: join(import.meta.dirname, 'public'),
  core: join(dirname(require.resolve('@hpke/core/package.json')), 'esm'),
  common: join(
    dirname(
      require.resolve('@hpke/common/package.json', { paths: [dirname(require.resolve('@hpke/core/package.json'))] }),
    ),
    'esm',
  ),
};

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const cache = new Map<string, Buffer>();

/** A file under one of the roots, or null: only .js and .css, never a path that climbs out. */
export async function asset(
  root: 'own' | 'core' | 'common',
  path: string,
): Promise<{ body: Buffer; type: string } | null> {
  const ext = path.slice(path.lastIndexOf('.'));
  const type = TYPES[ext];
  const base = ROOTS[root]!;
  const full = normalize(join(base, path));
  if (!type || !full.startsWith(base + sep) || path.includes('\0')) return null;
  let body = cache.get(full);
  if (!body) {
    try {
      body = await readFile(full);
    } catch {
      return null;
    }
    cache.set(full, body);
  }
  return { body, type };
}
