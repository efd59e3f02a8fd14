import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app-core';
import { currentAdvocateId } from '../../electron/core/caseload/advocates';
import { createDemoData } from '../../electron/core/caseload/demo-data';
import { listCases } from '../../electron/core/caseload/queries';
import { median, percentile, timeRuns } from './stats';
import type { BenchResult } from './types';

const REFERRALS = Number(process.env.HEARD_BENCH_REFERRALS ?? 12_000);
const RUNS = 300;

/**
 * The caseload's benchmark, on 12,000 demo referrals in the real encrypted store:
 *  - my open caseload (one advocate), through the whole IPC path the screen uses;
 *  - search as you type: every prefix of names, references and words from referrals, one
 *    keystroke at a time, p95, through the IPC path with the screen's filters;
 * each beside a plain indexed SELECT on the same data in the same run. Targets: ≤ 20 ms.
 */
export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-bench-caseload-'));
  const core = createCore({ dataDir });
  try {
    await core.vault.setup('bench passphrase kettle mountain');
    const ctx = core.context;
    const t0 = Date.now();
    createDemoData(ctx, { referrals: REFERRALS, seed: 7, batchSize: 2000 });
    const fillSeconds = (Date.now() - t0) / 1000;
    const db = ctx.db();
    const me = currentAdvocateId(ctx);
    const call = async (input: unknown) => {
      const r = await core.call('caseload.list', input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };

    // My open cases.
    const mine = { mine: true, statuses: ['open'] };
    for (let i = 0; i < 20; i++) await call(mine);
    const openCount = ((await call(mine)) as { rows: unknown[] }).rows.length;
    const plainMine = db.prepare(
      "SELECT id, reference, urgency FROM referrals WHERE allocated_to = ? AND status = 'open' AND deleted_at IS NULL",
    );
    const caseloadBase = await timeRuns(RUNS, () => plainMine.all(me));
    const caseload = await timeRuns(RUNS, () => call(mine));

    // Search as you type: each keystroke of each term is one query.
    const terms = searchTerms(db);
    const keystrokes = terms.flatMap((t) => Array.from({ length: Math.min(t.length, 8) }, (_, i) => t.slice(0, i + 1)));
    const byReference = db.prepare('SELECT id, reference FROM referrals WHERE reference = ?');
    const refs = db.prepare('SELECT reference FROM referrals ORDER BY random() LIMIT 200').pluck().all() as string[];
    for (const k of keystrokes.slice(0, 20)) await call({ query: k, statuses: [] });
    const searchBase = await timeRuns(keystrokes.length, (i) => byReference.all(refs[i % refs.length]));
    const search = await timeRuns(keystrokes.length, (i) => call({ query: keystrokes[i], statuses: [] }));
    const searchDirect = await timeRuns(keystrokes.length, (i) =>
      listCases(db, { query: keystrokes[i]!, statuses: [] }, null, new Date()),
    );

    const withBase = (
      name: string,
      value: number,
      baseline: { name: string; value: number },
      target?: number,
    ): BenchResult => ({
      name,
      value,
      unit: 'ms',
      baseline,
      ratio: baseline.value > 0 ? value / baseline.value : undefined,
      ...(target === undefined ? {} : { target: `≤ ${target} ms`, met: value <= target }),
    });
    return [
      {
        name: `demo data: ${REFERRALS.toLocaleString('en-GB')} referrals, seconds to make`,
        value: fillSeconds * 1000,
        unit: 'ms' as const,
      },
      withBase(
        `my open caseload (${openCount} cases) p95, IPC path`,
        percentile(caseload, 95),
        { name: 'plain indexed SELECT by advocate (p95)', value: percentile(caseloadBase, 95) },
        20,
      ),
      withBase('my open caseload median, IPC path', median(caseload), {
        name: 'plain indexed SELECT by advocate (median)',
        value: median(caseloadBase),
      }),
      withBase(
        `search as you type p95 (${keystrokes.length} keystrokes), IPC path`,
        percentile(search, 95),
        { name: 'plain indexed SELECT by reference (p95)', value: percentile(searchBase, 95) },
        20,
      ),
      withBase('search as you type p95, query only', percentile(searchDirect, 95), {
        name: 'plain indexed SELECT by reference (p95)',
        value: percentile(searchBase, 95),
      }),
      withBase('search as you type median, IPC path', median(search), {
        name: 'plain indexed SELECT by reference (median)',
        value: median(searchBase),
      }),
    ];
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Names in several scripts, references and words advocates remember from referrals. */
function searchTerms(db: ReturnType<ReturnType<typeof createCore>['context']['db']>): string[] {
  const names = db
    .prepare(
      'SELECT first_name FROM people WHERE first_name IS NOT NULL GROUP BY first_name ORDER BY min(rowid) LIMIT 40',
    )
    .pluck()
    .all() as string[];
  const surnames = db
    .prepare('SELECT last_name FROM people WHERE last_name IS NOT NULL GROUP BY last_name ORDER BY min(rowid) LIMIT 20')
    .pluck()
    .all() as string[];
  const refs = db.prepare('SELECT reference FROM referrals ORDER BY rowid DESC LIMIT 10').pluck().all() as string[];
  return [
    ...names,
    ...surnames,
    ...refs.map((r) => r.replace('DEMO-', '')),
    'placement',
    'sister',
    'college',
    'social worker',
    'CAMHS',
    'leaving care',
  ];
}
