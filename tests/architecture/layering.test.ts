import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ];
  return found.map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

/** Where a relative import lands, as a path from the repository root. */
const target = (file: string, spec: string): string =>
  spec.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', spec)) : spec;

function violations(dir: string, forbidden: (landing: string, spec: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(target(file, spec), spec))
      .map((spec) => `${file} imports ${spec}`),
  );
}

describe('layering (docs/architecture.md, Layers)', () => {
  it('shared/ imports nothing from Node, Electron, React, the database or the other folders', () => {
    const bad = violations(
      'shared',
      (landing, spec) =>
        NODE.has(spec) ||
        ['electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'pg', 'fastify'].includes(spec) ||
        /^(electron|renderer|server|tests)\//.test(landing),
    );
    expect(bad).toEqual([]);
  });

  it('electron/core and the web host never import electron, main, preload or the renderer', () => {
    const rule = (landing: string, spec: string) =>
      spec === 'electron' ||
      spec === 'electron-store' ||
      /^(renderer|electron\/main|electron\/preload|server)\//.test(landing);
    expect([...violations('electron/core', rule), ...violations('electron/web-host', rule)]).toEqual([]);
  });

  it('the renderer imports no Node built-ins, no Electron and no core or server code', () => {
    const bad = violations(
      'renderer/src',
      (landing, spec) =>
        NODE.has(spec) ||
        spec === 'electron' ||
        spec === 'better-sqlite3-multiple-ciphers' ||
        /^(electron|server)\//.test(landing),
    );
    expect(bad).toEqual([]);
  });

  it('the server imports only shared/ and Node', () => {
    expect(
      violations('server', (landing, spec) => spec === 'electron' || /^(electron|renderer)\//.test(landing)),
    ).toEqual([]);
  });

  it('the checker itself notices a forbidden import', () => {
    // Guards against a regex that silently matches nothing.
    expect(importsOf('electron/core/vault/key-wrap.ts')).toContain('node:crypto');
    expect(target('renderer/src/App.tsx', '../../shared/ipc/vault')).toBe('shared/ipc/vault');
  });
});
