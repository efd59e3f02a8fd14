import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { MAX_PUSH_CHANGES, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, tableCounts, type TestDatabase } from './pg-harness';

const CASE = '01900000-0000-7000-8000-0000000000e1';

describe('the service refuses malformed, oversized, replayed and forged requests and changes nothing', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let token: string;
  let before: Record<string, number>;

  const change = (over: Record<string, unknown> = {}) => ({
    mutationId: uuidv7(),
    entity: 't_notes',
    entityId: 'n1',
    caseId: CASE,
    field: 'title',
    value: 'x',
    baseVersion: 0,
    hlc: '000000000000001-00000-d',
    ...over,
  });
  const post = (
    url: string,
    payload: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${token}` },
  ) =>
    app.inject({
      method: 'POST',
      url,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({ pool: db.pool, authRateLimit: 5 });
    const org = await ops.createOrganisation(db.pool, 'Service');
    const user = await ops.createUser(db.pool, org, 'Alice', 'alice@example.org', 'advocate');
    const { code } = await ops.issueEnrolmentCode(db.pool, user);
    const res = await post('/v1/enrol', { v: PROTOCOL_VERSION, code, deviceName: 'laptop' }, {});
    token = res.json().accessToken;
    expect(
      (
        await post('/v1/push', {
          v: PROTOCOL_VERSION,
          changes: [change({ mutationId: '01900000-0000-7000-8000-000000000001' })],
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  beforeEach(async () => {
    before = await tableCounts(db.pool);
  });
  const unchanged = async () => expect(await tableCounts(db.pool)).toEqual(before);

  it('400 for a body that is not JSON', async () => {
    const res = await post('/v1/push', '{"v":1,"changes":[');
    expect(res.statusCode).toBe(400);
    await unchanged();
  });

  it('400 for a change with a missing value, a bad id, or keys the protocol does not have', async () => {
    for (const bad of [
      { ...change(), value: undefined },
      change({ mutationId: 'not-a-uuid' }),
      change({ entity: 'users; DROP TABLE changes' }),
      { ...change(), extra: 1 },
      change({ baseVersion: -1 }),
    ]) {
      const res = await post('/v1/push', { v: PROTOCOL_VERSION, changes: [change(), bad] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
    await unchanged();
  });

  it('400 with a clear reason for a value PostgreSQL cannot store, and nothing of it logged', async () => {
    const logged: string[] = [];
    const quiet = await buildServer({ pool: db.pool, logger: true });
    // Fastify's logger writes to stdout; catch what it writes during this one request.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => (
      logged.push(String(chunk)),
      true
    )) as typeof process.stdout.write;
    try {
      const res = await quiet.inject({
        method: 'POST',
        url: '/v1/push',
        payload: JSON.stringify({
          v: PROTOCOL_VERSION,
          changes: [change({ entityId: 'n-nul', value: 'Nadia said\u0000 she wants to stay' })],
        }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/character the service cannot store/);
    } finally {
      process.stdout.write = write;
      await quiet.close();
    }
    expect(logged.join('')).not.toContain('Nadia');
    await unchanged();
  });

  it('400 for another protocol version', async () => {
    const res = await post('/v1/push', { v: 99, changes: [change()] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('unsupported_version');
    await unchanged();
  });

  it(`refuses more than ${MAX_PUSH_CHANGES} changes, and more than 5 MB`, async () => {
    const many = await post('/v1/push', {
      v: PROTOCOL_VERSION,
      changes: Array.from({ length: MAX_PUSH_CHANGES + 1 }, () => change()),
    });
    expect(many.statusCode).toBe(400);
    const huge = await post('/v1/push', {
      v: PROTOCOL_VERSION,
      changes: [change({ value: 'x'.repeat(5 * 1024 * 1024 + 10) })],
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('too_large');
    await unchanged();
  });

  it('401 for a forged or missing access token', async () => {
    const attempts: Record<string, string>[] = [
      { authorization: 'Bearer ' + 'A'.repeat(43) },
      {},
      { authorization: `Basic ${token}` },
    ];
    for (const headers of attempts) {
      const res = await post('/v1/push', { v: PROTOCOL_VERSION, changes: [change()] }, headers);
      expect(res.statusCode).toBe(401);
    }
    await unchanged();
  });

  it('answers a replayed push as before without applying it twice', async () => {
    const res = await post('/v1/push', {
      v: PROTOCOL_VERSION,
      changes: [change({ mutationId: '01900000-0000-7000-8000-000000000001', value: 'changed in transit' })],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { mutationId: '01900000-0000-7000-8000-000000000001', outcome: 'applied', duplicate: true },
    ]);
    await unchanged();
    const v = await db.pool.query("SELECT value, version FROM field_state WHERE entity_id = 'n1' AND field = 'title'");
    expect(v.rows).toEqual([{ value: 'x', version: '1' }]);
  });

  it('429 after too many enrolment attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++)
      codes.push(
        (await post('/v1/enrol', { v: PROTOCOL_VERSION, code: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'x' }, {})).statusCode,
      );
    expect(codes).toContain(401);
    expect(codes.at(-1)).toBe(429);
    await unchanged();
  });

  it('writes every signed-in request, refused or not, to the audit table; refused sign-ins are counted instead', async () => {
    const pulls = async () =>
      (await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE action = 'POST /v1/pull'"))
        .rows[0]!.n;
    const before = await pulls();
    expect((await post('/v1/pull', { v: PROTOCOL_VERSION, after: 0 }, {})).statusCode).toBe(401);
    expect(await pulls()).toBe(before);
    expect((await post('/v1/pull', { v: PROTOCOL_VERSION, after: 'x' })).statusCode).toBe(400);
    const r = await db.pool.query(
      "SELECT action, status FROM audit WHERE action = 'POST /v1/pull' ORDER BY id DESC LIMIT 1",
    );
    expect(r.rows[0]).toEqual({ action: 'POST /v1/pull', status: 400 });
    const pushes = await db.pool.query(
      "SELECT count(*)::int AS n FROM audit WHERE action = 'POST /v1/push' AND status >= 400",
    );
    expect(pushes.rows[0].n).toBeGreaterThan(5);
  });
});
