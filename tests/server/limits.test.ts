import type { FastifyInstance } from 'fastify';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import { DEFAULT_DEVICE_RATE_LIMITS } from '../../server/sync/device-limits';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { MAX_JSON_DEPTH } from '../../shared/sync/safe-json';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, tableCounts, type TestDatabase } from './pg-harness';
import { change, rawDevice, type RawDevice } from './service-client';

/** Everything the service sends to PostgreSQL, statement and parameters, as text. */
function recordingPool(pool: Pool, sent: string[]): Pool {
  const note = (args: unknown[]) =>
    sent.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a as QueryConfig))).join('\u0001'));
  const wrapClient = (c: PoolClient) =>
    new Proxy(c, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (...args: unknown[]) => (note(args), (target.query as (...a: unknown[]) => unknown)(...args));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'query')
        return (...args: unknown[]) => (note(args), (target.query as (...a: unknown[]) => unknown)(...args));
      if (prop === 'connect') return async () => wrapClient(await target.connect());
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

describe('limits and audit that scale', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let advocate: string;
  let device: RawDevice;
  const sent: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: recordingPool(db.pool, sent) });
    org = await ops.createOrganisation(db.pool, 'Riverside');
    advocate = await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate');
    device = await rawDevice(app, db.pool, advocate);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('a pull touching many cases writes one audit row, with how many cases it touched', async () => {
    const cases = Array.from({ length: 12 }, () => uuidv7());
    const pushed = await device.push(
      cases.map((id) => ({ entity: 'referral', entityId: id, caseId: id, field: 'reference', value: 'R' })),
    );
    expect(pushed.status).toBe(200);
    await device.pullAll();
    const rows = await db.pool.query<{ action: string; case_id: string | null; case_count: number }>(
      "SELECT action, case_id, case_count FROM audit WHERE device_id = $1 AND action <> 'POST /v1/enrol' ORDER BY id",
      [device.deviceId],
    );
    expect(rows.rows).toEqual([
      { action: 'POST /v1/push', case_id: null, case_count: 12 },
      { action: 'POST /v1/pull', case_id: null, case_count: 12 },
    ]);
  });

  it('300 pulls at once from one device: the first burst is served, the rest get 429 with Retry-After, one audit row each', async () => {
    // The service's clock stands still, so the bucket does not refill while the requests arrive.
    const at = new Date();
    const still = await buildServer({ pool: db.pool, now: () => at });
    const hammer = await rawDevice(still, db.pool, advocate);
    const answers = await Promise.all(
      Array.from({ length: 300 }, () =>
        still.inject({
          method: 'POST',
          url: '/v1/pull',
          payload: { v: PROTOCOL_VERSION, after: 0 },
          headers: { authorization: `Bearer ${hammer.token}` },
        }),
      ),
    );
    const served = answers.filter((r) => r.statusCode === 200).length;
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(served).toBe(DEFAULT_DEVICE_RATE_LIMITS.pull.burst);
    expect(served + limited.length).toBe(300);
    for (const r of limited.slice(0, 5)) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.json().error).toMatchObject({ code: 'rate_limited', retryAfter: Number(r.headers['retry-after']) });
    }
    const audit = await db.pool.query<{ n: number; limited: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 429)::int AS limited FROM audit WHERE device_id = $1 AND action = 'POST /v1/pull'",
      [hammer.deviceId],
    );
    expect(audit.rows[0]).toEqual({ n: 300, limited: limited.length });
    // Another device of the same person is not held back by it.
    const other = await rawDevice(still, db.pool, advocate);
    expect((await other.pullAll()).changes.length).toBeGreaterThan(0);
    await still.close();
  });

  it('refuses NUL characters, half surrogate pairs and deep nesting as 400 before anything reaches PostgreSQL', async () => {
    const marker = 'Nadia told me';
    let deep: unknown = marker;
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) deep = [deep];
    const bad = [
      `${marker}\u0000 she wants to stay`,
      `${marker} \uD83D she wants to stay`,
      `${marker} \uDE00`,
      deep,
      { [`${marker}\u0000`]: 'x' },
    ];
    const before = await tableCounts(db.pool);
    for (const value of bad) {
      sent.length = 0;
      const res = await app.inject({
        method: 'POST',
        url: '/v1/push',
        payload: JSON.stringify({
          v: PROTOCOL_VERSION,
          changes: [
            change({ entity: 'note', entityId: uuidv7(), caseId: uuidv7(), field: 'body', value: value as string }),
          ],
        }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/cannot store|nested more than 32 levels/);
      expect(res.json().error.message).not.toContain(marker);
      // The only statements were the sign-in check and the audit row; no value went with them.
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.join('\n')).not.toContain(marker.split(' ')[0]);
    }
    // An emoji whole is fine.
    const ok = await device.push([
      { entity: 'note', entityId: uuidv7(), caseId: uuidv7(), field: 'body', value: `${marker} 😀` },
    ]);
    expect((ok.body.results as { outcome: string }[])[0]!.outcome).toBe('applied');
    expect((await tableCounts(db.pool)).conflicts).toBe(before.conflicts);
  });

  it('refuses a device name with a NUL character at enrolment, before PostgreSQL', async () => {
    const { code } = await ops.issueEnrolmentCode(db.pool, advocate);
    sent.length = 0;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/enrol',
      payload: JSON.stringify({ v: PROTOCOL_VERSION, code, deviceName: 'laptop\u0000Nadia' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(sent.join('\n')).not.toContain('Nadia');
  });
});
