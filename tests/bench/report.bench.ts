import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from '../../electron/core/app-core';
import { createDemoData } from '../../electron/core/caseload/demo-data';
import { seededRandom } from '../../shared/domain/seeded-random';
import { activityForReport } from '../../electron/core/reports/activity-data';
import { buildQuarterlyReport, feedbackForReport, referralsForReport } from '../../electron/core/reports/report-data';
import { quarterlyReport } from '../../shared/reports/quarterly';
import { todayIso } from '../../shared/domain/dates';
import { uuidv7 } from '../../shared/domain/ids';
import { parseQuarter, previousQuarter } from '../../shared/reports/period';
import { addReportActivity } from './report-activity';
import { median, timeRuns } from './stats';
import type { BenchResult } from './types';

const REFERRALS = 12_000;
const FORMS = 3_000;
const RUNS = 15;

/**
 * The quarterly report with every figure (equality, outcomes, complaints, safeguarding, visits,
 * meetings, systemic issues) over 12,000 referrals spread over 5 years and their casework (the
 * caseload's demo data, in a real encrypted store), against a plain indexed SQL count of the same
 * quarter's referrals in the same run. Target: median ≤ 500 ms.
 */
export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-bench-report-'));
  const core = createCore({ dataDir });
  try {
    await core.vault.setup('bench passphrase kettle mountain');
    createDemoData(core.context, { referrals: REFERRALS, seed: 8 });
    addFeedback(core.context);
    const db = core.context.db();
    const activity = addReportActivity(db);
    const quarter = parseQuarter(previousQuarter(todayIso()))!;
    const fiveYears = {
      from: db.prepare('SELECT min(referral_date) FROM referrals').pluck().get() as string,
      to: todayIso(),
    };
    const count = db
      .prepare('SELECT count(*) FROM referrals WHERE deleted_at IS NULL AND referral_date BETWEEN ? AND ?')
      .pluck();

    // Warm up the page cache and the JIT alike for both sides.
    count.get(quarter.from, quarter.to);
    buildQuarterlyReport(db, quarter);

    const sql = median(await timeRuns(RUNS, () => count.get(quarter.from, quarter.to)));
    const report = median(await timeRuns(RUNS, () => buildQuarterlyReport(db, quarter)));
    const casework = median(await timeRuns(RUNS, () => activityForReport(db, quarter)));
    const read = median(await timeRuns(RUNS, () => referralsForReport(db, quarter)));
    const inputs = {
      referrals: referralsForReport(db, quarter),
      forms: feedbackForReport(db, quarter),
      activity: activityForReport(db, quarter),
    };
    const counting = median(
      await timeRuns(RUNS, () => quarterlyReport(inputs.referrals, inputs.forms, quarter, inputs.activity)),
    );
    const viaIpc = median(await timeRuns(RUNS, () => core.call('reports.quarterly', { period: quarter })));
    const whole = median(await timeRuns(RUNS, () => buildQuarterlyReport(db, fiveYears)));
    const baseline = { name: `SELECT count(*) of the quarter's referrals`, value: sql };
    const result = (name: string, value: number, target?: number): BenchResult => ({
      name,
      value,
      unit: 'ms',
      baseline,
      ratio: sql > 0 ? value / sql : undefined,
      ...(target === undefined ? {} : { target: `≤ ${target} ms`, met: value <= target }),
    });
    return [
      result(
        `quarterly report with all figures, ${REFERRALS} referrals over 5 years, ${activity.contacts} contacts, ${activity.meetings} meetings, ${activity.complaints} complaints (median of ${RUNS})`,
        report,
        500,
      ),
      result("of which reading the quarter's referrals and the year's closures before it", read),
      result("of which reading the quarter's casework (visits, meetings, complaints...)", casework),
      result('of which counting (the shared pure function)', counting),
      result('the same through IPC dispatch (input and output validated)', viaIpc, 500),
      result(`report over the whole 5 years (all ${REFERRALS} referrals in the period)`, whole),
    ];
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function addFeedback(ctx: ReturnType<typeof createCore>['context']): void {
  const rng = seededRandom(88);
  const closed = ctx
    .db()
    .prepare('SELECT id, closure_date FROM referrals WHERE closure_date IS NOT NULL LIMIT ?')
    .all(FORMS) as Array<{ id: string; closure_date: string }>;
  const face = () => (['happy', 'happy', 'ok', 'sad'] as const)[Math.floor(rng() * 4)]!;
  ctx.write((w) => {
    for (const c of closed) {
      const young = rng() < 0.7;
      w.upsert('feedback_form', uuidv7(), c.id, {
        case_id: c.id,
        kind: young ? 'young_person' : 'professional',
        received_date: c.closure_date,
        respondent_role: young ? null : 'social_worker',
        listened_to: young ? face() : null,
        things_changed: young ? face() : null,
        use_again: young ? face() : null,
        voice_heard: young ? null : face(),
        kept_informed: young ? null : face(),
        recommend: young ? null : face(),
        comment: '',
        may_quote: 0,
      });
    }
  });
}

// `npx tsx tests/bench/report.bench.ts` runs it alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await run())
    console.log(
      `${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.baseline ? ` (baseline ${r.baseline.value.toFixed(2)} ms, ×${r.ratio?.toFixed(0)})` : ''}${r.target ? ` target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}`,
    );
}
