import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types';

/**
 * `npm run bench [-- name-filter]`: runs every tests/bench/*.bench.ts and prints each figure beside
 * its baseline from the same run. Benchmarks are never part of the test suite.
 * A filter that is a benchmark's whole name runs that one only (`load` is not also `caseload`).
 * The load test takes minutes and loads the whole machine, so it runs only when named.
 */
const ON_REQUEST = new Set(['load.bench.ts']);
const filter = process.argv[2];
const all = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.bench.ts'));
const exact = all.filter((f) => f === `${filter}.bench.ts`);
const files = (exact.length ? exact : all.filter((f) => (filter ? f.includes(filter) : !ON_REQUEST.has(f)))).sort();

const format = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

let failures = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  let results: BenchResult[];
  try {
    const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as BenchModule;
    results = await mod.run();
  } catch (e) {
    failures++;
    process.stdout.write(`   failed to run: ${e instanceof Error ? e.message : String(e)}\n`);
    continue;
  }
  for (const r of results) {
    const ratio = r.ratio ?? (r.baseline && r.baseline.value > 0 ? r.value / r.baseline.value : undefined);
    const base = r.baseline ? `  | baseline ${r.baseline.name}: ${format(r.baseline.value)} ${r.unit}` : '';
    const rat = ratio !== undefined ? `  | ratio ${ratio.toFixed(2)}×` : '';
    const target = r.target
      ? `  | target ${r.target}${r.met === undefined ? '' : r.met ? ' (met)' : ' (NOT met)'}`
      : '';
    const value = r.unit === 'count' ? r.value.toFixed(0) : format(r.value);
    process.stdout.write(`   ${r.name}: ${value}${r.unit === 'count' ? '' : ` ${r.unit}`}${base}${rat}${target}\n`);
  }
}
process.exitCode = failures ? 1 : 0;
