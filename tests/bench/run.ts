import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types';

/**
 * `npm run bench [-- name-filter]`: runs every tests/bench/*.bench.ts and prints each figure beside
 * its baseline from the same run. Benchmarks are never part of the test suite.
 */
const filter = process.argv[2];
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

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
    const target = r.target ? `  | target ${r.target}${r.met === undefined ? '' : r.met ? ' (met)' : ' (NOT met)'}` : '';
    process.stdout.write(`   ${r.name}: ${format(r.value)} ${r.unit}${base}${rat}${target}\n`);
  }
}
process.exitCode = failures ? 1 : 0;
