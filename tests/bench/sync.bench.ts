import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { MAX_PUSH_CHANGES, PROTOCOL_VERSION, type OutgoingChange } from '../../shared/sync/protocol';
import { createTestDatabase } from '../server/pg-harness';
import { Device } from '../sync/harness';
import { preEncryption } from '../sync/pre-encryption';
import { startServerProcess } from './service-process';
import type { BenchResult } from './types';

const PUSH_CHANGES = 20_000;
const CATCH_UP_CHANGES = 100_000;
const FIELDS = ['title', 'body', 'status'] as const;

/** Rows shaped like a device's edits: new notes, three fields each, in one case per 300 notes. */
export function makeChanges(n: number, prefix: string): OutgoingChange[] {
  const out: OutgoingChange[] = [];
  // New case ids are UUIDs, as laptops make them (the service refuses any other id for a new case).
  const cases: string[] = [];
  const caseFor = (i: number) => (cases[i] ??= uuidv7());
  for (let i = 0; i < n; i++) {
    const note = Math.floor(i / FIELDS.length);
    const field = FIELDS[i % FIELDS.length]!;
    out.push({
      mutationId: uuidv7(),
      entity: 't_notes',
      entityId: `${prefix}-${note}`,
      caseId: caseFor(Math.floor(note / 300)),
      field,
      value:
        field === 'body'
          ? JSON.stringify({
              type: 'doc',
              content: [
                {
                  type: 'paragraph',
                  content: [{ type: 'text', text: `Visit note ${i}, placement review discussed.` }],
                },
              ],
            })
          : `${field} ${i}`,
      baseVersion: 0,
      hlc: `${String(Date.now()).padStart(15, '0')}-${String(i % 100000).padStart(5, '0')}-bench`,
    });
  }
  return out;
}

/** The practical ceiling: the same rows, batched INSERTs of 1,000 into a plain copy of the change log. Returns ms. */
export async function baselineInsert(
  pool: pg.Pool,
  org: string,
  changes: OutgoingChange[],
  table: string,
  firstSeq = 1,
): Promise<number> {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (LIKE changes INCLUDING ALL)`);
  const t0 = performance.now();
  for (let i = 0; i < changes.length; i += MAX_PUSH_CHANGES) {
    const b = changes.slice(i, i + MAX_PUSH_CHANGES);
    await pool.query(
      `INSERT INTO ${table} (organisation_id, seq, kind, mutation_id, entity, entity_id, case_id, field, value, version, hlc)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::bigint[], $11::text[])`,
      [
        org,
        b.map((_, j) => firstSeq + i + j),
        b.map(() => 'change'),
        b.map((c) => c.mutationId),
        b.map((c) => c.entity),
        b.map((c) => c.entityId),
        b.map((c) => c.caseId),
        b.map((c) => c.field),
        b.map((c) => JSON.stringify(c.value)),
        b.map(() => 1),
        b.map((c) => c.hlc),
      ],
    );
  }
  return performance.now() - t0;
}

export async function run(): Promise<BenchResult[]> {
  const db = await createTestDatabase();
  // One device sends every request here, far more than a laptop may in a minute: the per-device
  // request limits are raised so the bench measures throughput, not the limiter (every other
  // check stays in place).
  const service = await startServerProcess(db.url, {
    HEARD_PUSH_PER_MINUTE: '100000',
    HEARD_PULL_PER_MINUTE: '100000',
  });
  const { url } = service;
  const results: BenchResult[] = [];
  try {
    const org = await ops.createOrganisation(db.pool, 'Bench');
    const manager = await ops.createUser(db.pool, org, 'Manager', 'm@example.org', 'manager');
    const enrol = async () => {
      const { code } = await ops.issueEnrolmentCode(db.pool, manager);
      const r = await fetch(`${url}/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ v: PROTOCOL_VERSION, code, deviceName: 'bench' }),
      });
      return ((await r.json()) as { accessToken: string }).accessToken;
    };
    const post = async (token: string, path: string, body: unknown) => {
      const r = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      return r.json() as Promise<{ changes?: unknown[]; cursor?: number; more?: boolean }>;
    };

    // Push over loopback HTTP, 1,000 changes a request; each batch is timed beside the same batch
    // INSERTed plainly, alternating, so load on the machine falls on both alike.
    const token = await enrol();
    const pushRows = makeChanges(PUSH_CHANGES, 'p');
    let pushMs = 0;
    let baselinePushMs = 0;
    for (let i = 0; i < pushRows.length; i += MAX_PUSH_CHANGES) {
      const batch = pushRows.slice(i, i + MAX_PUSH_CHANGES);
      baselinePushMs += await baselineInsert(db.pool, org, batch, 'bench_plain_push', i + 1);
      const t0 = performance.now();
      await post(token, '/v1/push', { v: PROTOCOL_VERSION, changes: batch });
      pushMs += performance.now() - t0;
    }
    const pushRate = PUSH_CHANGES / (pushMs / 1000);
    const baselinePush = PUSH_CHANGES / (baselinePushMs / 1000);
    results.push({
      name: `push over loopback (${PUSH_CHANGES} changes, 1,000 a request)`,
      value: pushRate,
      unit: 'changes/s',
      baseline: { name: 'batched INSERT of the same rows', value: baselinePush },
      ratio: pushRate / baselinePush,
      target: '≥ 0.3× the INSERT ceiling',
      met: pushRate / baselinePush >= 0.3,
    });

    // Pull the same changes back on another device, 1,000 a page.
    const reader = await enrol();
    let t0 = performance.now();
    let after = 0;
    let pulled = 0;
    for (;;) {
      const page = await post(reader, '/v1/pull', { v: PROTOCOL_VERSION, after, limit: 1000 });
      pulled += page.changes!.length;
      after = page.cursor!;
      if (!page.more) break;
    }
    const pullRate = pulled / ((performance.now() - t0) / 1000);
    results.push({
      name: `pull over loopback (${pulled} changes, 1,000 a page)`,
      value: pullRate,
      unit: 'changes/s',
      baseline: { name: 'batched INSERT of the same rows', value: baselinePush },
      ratio: pullRate / baselinePush,
      target: '≥ 0.3× the INSERT ceiling',
      met: pullRate / baselinePush >= 0.3,
    });

    // Initial catch-up: a new laptop receives 100,000 changes into its encrypted store.
    const seed = makeChanges(CATCH_UP_CHANGES - pulled, 'c');
    for (let i = 0; i < seed.length; i += MAX_PUSH_CHANGES)
      await post(token, '/v1/push', { v: PROTOCOL_VERSION, changes: seed.slice(i, i + MAX_PUSH_CHANGES) });
    // The ceiling is measured before and after the catch-up and averaged, for the same reason.
    const all = [...pushRows, ...seed];
    const before = await baselineInsert(db.pool, org, all, 'bench_plain_catch_up_1');
    // The laptop meets a service from before encryption: this is the plain path. A manager's laptop
    // meeting the keys endpoints would make the organisation's key and convert the whole service,
    // which is measured by `npm run bench -- convert`, and sealing by `npm run bench -- e2e`.
    const laptop = await Device.create(preEncryption((u, init) => fetch(u, init)).transport);
    try {
      const { code } = await ops.issueEnrolmentCode(db.pool, manager);
      await laptop.client.connect(url, code);
      t0 = performance.now();
      const report = await laptop.client.syncNow();
      const catchUpRate = report.pulled / ((performance.now() - t0) / 1000);
      const afterMs = await baselineInsert(db.pool, org, all, 'bench_plain_catch_up_2');
      const baselineCatchUp = all.length / ((before + afterMs) / 2 / 1000);
      results.push({
        name: `initial catch-up of ${report.pulled} changes into the encrypted store`,
        value: catchUpRate,
        unit: 'changes/s',
        baseline: { name: 'batched INSERT of the same rows', value: baselineCatchUp },
        ratio: catchUpRate / baselineCatchUp,
        target: '≥ 0.3× the INSERT ceiling',
        met: catchUpRate / baselineCatchUp >= 0.3,
      });
    } finally {
      laptop.dispose();
    }
  } finally {
    await service.stop();
    await db.drop();
  }
  return results;
}
