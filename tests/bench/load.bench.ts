import type pg from 'pg';
import * as ops from '../../server/admin/ops';
import { enrol } from '../../server/auth/enrol';
import { seededRandom } from '../../shared/domain/seeded-random';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase } from '../server/pg-harness';
import { SimLaptop, newStats, valuesEqual, type LoadStats } from './load-laptop';
import { startServerProcess } from './service-process';
import { percentile } from './stats';
import type { BenchResult } from './types';

/**
 * `npm run bench -- load`: a hundred laptops syncing with one service (its own process, real
 * PostgreSQL, loopback HTTP) for two minutes, each editing, pushing and pulling every few
 * seconds while a manager reallocates a case every few seconds. Then every edit the service
 * acknowledged is looked for on the service. HEARD_LOAD_SECONDS and HEARD_LOAD_LAPTOPS shorten
 * it for trying out.
 */
const SECONDS = Number(process.env.HEARD_LOAD_SECONDS ?? 120);
const LAPTOPS = Number(process.env.HEARD_LOAD_LAPTOPS ?? 100);
const SYNC_EVERY_MS = 3000;
const REALLOCATE_EVERY_MS = 3000;
const CASES_EACH = 3;

async function enrolLaptops(
  pool: pg.Pool,
  org: string,
  url: string,
  stats: LoadStats,
): Promise<{ laptops: SimLaptop[]; users: string[] }> {
  const laptops: SimLaptop[] = [];
  const users: string[] = [];
  for (let i = 0; i < LAPTOPS; i++) {
    const user = await ops.createUser(pool, org, `Load advocate ${i}`, `load${i}@example.org`, 'advocate');
    const { code } = await ops.issueEnrolmentCode(pool, user);
    // Straight to the enrolment code path: the HTTP endpoint allows 20 a minute from one address.
    const out = await enrol(pool, { v: PROTOCOL_VERSION, code, deviceName: `load laptop ${i}` }, new Date());
    users.push(user);
    laptops.push(new SimLaptop(`L${i}`, out.body.deviceId, url, out.body.accessToken, stats, seededRandom(1000 + i)));
  }
  return { laptops, users };
}

/** A manager giving a random case to another advocate, as the admin CLI does. */
async function reallocateUntil(
  pool: pg.Pool,
  org: string,
  laptops: SimLaptop[],
  users: string[],
  until: number,
): Promise<number> {
  // Seeded, so two runs make the same choices.
  const random = seededRandom(7);
  let done = 0;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, REALLOCATE_EVERY_MS));
    const from = Math.floor(random() * laptops.length);
    const cases = [...laptops[from]!.held];
    if (!cases.length) continue;
    const to = (from + 1 + Math.floor(random() * (laptops.length - 1))) % laptops.length;
    const r = await ops.allocate(pool, org, cases[Math.floor(random() * cases.length)]!, users[to]!);
    if (r.changed) done++;
  }
  return done;
}

/** Every acknowledged edit, looked for in the service's change log with the value that was sent. */
async function verify(
  pool: pg.Pool,
  org: string,
  laptops: SimLaptop[],
): Promise<{ acknowledged: number; missing: number; differing: number }> {
  const acks = laptops.flatMap((l) => l.acknowledged);
  let missing = 0;
  let differing = 0;
  for (let i = 0; i < acks.length; i += 5000) {
    const chunk = acks.slice(i, i + 5000);
    const r = await pool.query<{ mutation_id: string; value: unknown }>(
      "SELECT mutation_id::text, value FROM changes WHERE organisation_id = $1 AND kind = 'change' AND mutation_id = ANY($2::uuid[])",
      [org, chunk.map((a) => a.mutationId)],
    );
    const found = new Map(r.rows.map((row) => [row.mutation_id, row.value]));
    for (const a of chunk) {
      if (!found.has(a.mutationId)) missing++;
      else if (!valuesEqual(found.get(a.mutationId), a.value)) differing++;
    }
  }
  return { acknowledged: acks.length, missing, differing };
}

/** Fields whose value on the service is not the last edit the service acknowledged to them. */
async function fieldsNotAtLastAcknowledged(pool: pg.Pool, org: string): Promise<number> {
  const r = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM field_state f
       JOIN LATERAL (SELECT value FROM changes c WHERE c.organisation_id = f.organisation_id AND c.kind = 'change'
                       AND c.entity = f.entity AND c.entity_id = f.entity_id AND c.field = f.field ORDER BY c.seq DESC LIMIT 1) last ON true
      WHERE f.organisation_id = $1 AND f.value IS DISTINCT FROM last.value`,
    [org],
  );
  return Number(r.rows[0]!.n);
}

export async function run(): Promise<BenchResult[]> {
  const db = await createTestDatabase();
  const service = await startServerProcess(db.url);
  try {
    const org = await ops.createOrganisation(db.pool, 'Load test service');
    const stats = newStats();
    const { laptops, users } = await enrolLaptops(db.pool, org, service.url, stats);
    // Each laptop starts with its own caseload, sent before the clock starts.
    for (const l of laptops) for (let c = 0; c < CASES_EACH; c++) l.newCase();
    await Promise.all(laptops.map((l) => l.push()));
    stats.pushMs.length = 0;

    const started = Date.now();
    const until = started + SECONDS * 1000;
    const [reallocations] = await Promise.all([
      reallocateUntil(db.pool, org, laptops, users, until),
      ...laptops.map((l) => l.run(until, SYNC_EVERY_MS)),
    ]);
    const ranFor = (Date.now() - started) / 1000;
    const pushes = stats.pushMs.length;
    const pulls = stats.pullMs.length;
    await Promise.all(laptops.map((l) => l.settle()));
    const check = await verify(db.pool, org, laptops);
    const drift = await fieldsNotAtLastAcknowledged(db.pool, org);
    const errors = [...stats.errors.values()].reduce((a, b) => a + b, 0);
    const unsent = laptops.reduce((a, l) => a + l.unsent, 0);

    process.stdout.write(
      `   ${LAPTOPS} simulated laptops (HTTP clients of the shared protocol, no local store) for ${ranFor.toFixed(0)} s; ` +
        `${pushes} pushes, ${pulls} pull pages, ${reallocations} reallocations\n` +
        `   push outcomes: ${[...stats.outcomes].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}; ` +
        `conflicts heard back, by reason: ${[...stats.conflictReasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}\n` +
        `   429s obeyed: ${stats.rateLimited} (waited ${(stats.rateLimitedWaitMs / 1000).toFixed(1)} s in all); errors: ${errors}${errors ? ` (${[...stats.errors].map(([k, v]) => `${k}: ${v}`).join('; ')})` : ''}\n` +
        `   acknowledged edits: ${check.acknowledged}; missing on the service: ${check.missing}; with another value: ${check.differing}; ` +
        `fields not at their last acknowledged edit: ${drift}; edits never sent: ${unsent}\n`,
    );
    const lost = check.missing + check.differing + drift + unsent;
    return [
      { name: 'push latency p50', value: percentile(stats.pushMs, 50), unit: 'ms' },
      { name: 'push latency p95', value: percentile(stats.pushMs, 95), unit: 'ms' },
      { name: 'pull latency p50 (per page)', value: percentile(stats.pullMs, 50), unit: 'ms' },
      { name: 'pull latency p95 (per page)', value: percentile(stats.pullMs, 95), unit: 'ms' },
      { name: 'requests a second (push + pull)', value: (pushes + pulls) / ranFor, unit: 'ops/s' },
      { name: '429 answers obeyed (waited Retry-After)', value: stats.rateLimited, unit: 'count' },
      { name: 'errors (other than obeyed 429s)', value: errors, unit: 'count', target: '0', met: errors === 0 },
      {
        name: 'acknowledged edits not on the service as sent',
        value: lost,
        unit: 'count',
        target: '0',
        met: lost === 0,
      },
    ];
  } finally {
    await service.stop();
    await db.drop();
  }
}
