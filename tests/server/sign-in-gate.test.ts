import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { rawDevice, type RawDevice } from './service-client';

/**
 * Push and pull check who is asking, and their limits, before reading a body of up to 5 MB; an
 * unauthenticated flood is turned away per address and counted, not written to the audit table
 * a row per request.
 */
describe('the sign-in gate on push and pull', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let device: RawDevice;
  const at = new Date();
  const BIG = `{"v":1,"changes":[${'{"junk":"' + 'x'.repeat(1000) + '"},'.repeat(3000)}`;

  const send = (url: string, payload: string, token: string, remoteAddress = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
  const auditRows = async () =>
    (
      await db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit WHERE device_id IS NULL AND action <> 'admin: create organisation'",
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The clock stands still, so no bucket refills while the requests arrive.
    app = await buildServer({
      pool: db.pool,
      now: () => at,
      signInFailures: { burst: 5, perMinute: 5 },
      deviceRateLimits: { push: { burst: 2, perMinute: 1 }, pull: { burst: 60, perMinute: 60 } },
    });
    org = await ops.createOrganisation(db.pool, 'Riverside');
    device = await rawDevice(app, db.pool, await ops.createUser(db.pool, org, 'Ada', 'a@example.org', 'advocate'));
  });
  afterAll(async () => {
    await db.drop();
  });

  it('an unknown token is refused before the body is read: a broken 3 MB body answers 401, not 400', async () => {
    const before = await auditRows();
    const res = await send('/v1/push', BIG, 'not-a-real-token-0000000000000000');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorised');
    // Counted, not written a row each.
    expect(await auditRows()).toBe(before);
  });

  it('a flood of unknown tokens from one address is turned away with 429 once past its allowance, and no audit row each', async () => {
    const before = await auditRows();
    const answers = [];
    for (let i = 0; i < 40; i++)
      answers.push(
        await send(i % 2 ? '/v1/pull' : '/v1/push', '{"v":1,"after":0}', `forged-token-${String(i).padStart(20, '0')}`),
      );
    const codes = answers.map((r) => r.statusCode);
    // One refusal was spent in the test above: four more are checked, the rest turned away unchecked.
    expect(codes.filter((c) => c === 401)).toHaveLength(4);
    expect(codes.filter((c) => c === 429)).toHaveLength(36);
    const limited = answers.find((r) => r.statusCode === 429)!;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(await auditRows()).toBe(before);
    // Another address, and a signed-in device elsewhere, are served as usual.
    const other = await app.inject({
      method: 'POST',
      url: '/v1/pull',
      payload: { v: PROTOCOL_VERSION, after: 0 },
      remoteAddress: '198.51.100.9',
      headers: { authorization: `Bearer ${device.token}` },
    });
    expect(other.statusCode).toBe(200);
  });

  it('a device over its request limit is answered 429 before its body is read', async () => {
    for (let i = 0; i < 2; i++)
      expect(
        (await send('/v1/push', JSON.stringify({ v: PROTOCOL_VERSION, changes: [] }), device.token, '198.51.100.9'))
          .statusCode,
      ).toBe(200);
    const over = await send('/v1/push', BIG, device.token, '198.51.100.9');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('when the service stops, each address gets one audit row with how many it refused and turned away', async () => {
    await app.close();
    const rows = await db.pool.query<{ status: number; detail: string }>(
      "SELECT status, detail FROM audit WHERE action = 'sign-in refused'",
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.detail).toMatch(
      /^5 refused sign-in\(s\) to push or pull from 203\.0\.113\.7 since .*; 36 more turned away unchecked$/,
    );
  });
});
