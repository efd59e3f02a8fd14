import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph';

const ROOT = resolve(import.meta.dirname, '../..');
const PRODUCT = ['shared', 'electron', 'renderer/src', 'server'];

describe('import cycles', () => {
  it('the product code has none: an extension point is typed in its own file, not in the module that collects the extensions', () => {
    expect(importCycles(importGraph(ROOT, PRODUCT))).toEqual([]);
  });

  it('the detector finds a three-file cycle made of type-only and dynamic imports', () => {
    const cycles = importCycles(importGraph(ROOT, ['tests/architecture/fixtures/cycle']));
    expect(cycles).toEqual([
      [
        'tests/architecture/fixtures/cycle/a.ts',
        'tests/architecture/fixtures/cycle/b.ts',
        'tests/architecture/fixtures/cycle/c.ts',
      ],
    ]);
  });

  it('the detector passes the fix: the shared type moved to its own file', () => {
    const graph = importGraph(ROOT, ['tests/architecture/fixtures/acyclic']);
    expect(graph.get('tests/architecture/fixtures/acyclic/registry.ts')).toEqual([
      'tests/architecture/fixtures/acyclic/feature.ts',
      'tests/architecture/fixtures/acyclic/types.ts',
    ]);
    expect(importCycles(graph)).toEqual([]);
  });

  it('the graph really covers the product: it sees the IPC contract imported by the core', () => {
    const graph = importGraph(ROOT, PRODUCT);
    expect(graph.size).toBeGreaterThan(300);
    const importers = [...graph].filter(([, to]) => to.some((t) => t.startsWith('shared/ipc/'))).map(([from]) => from);
    expect(importers.some((f) => f.startsWith('electron/core/'))).toBe(true);
  });
});
