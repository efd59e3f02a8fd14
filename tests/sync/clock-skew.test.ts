import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import type { Transport } from '../../electron/core/sync/transport';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000c1';
const DAY = 24 * 60 * 60 * 1000;

describe('a computer whose clock is days off', () => {
  let service: Service;
  let alice: string;
  let fast: TestCore;
  let right: TestCore;
  const calls: string[] = [];

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const counting: Transport = (url, init) => {
      calls.push(new URL(url).pathname);
      return service.transport(url, init);
    };
    fast = await createTestCore({
      syncTransport: counting,
      autoSync: false,
      now: () => new Date(Date.now() + 3 * DAY),
    });
    right = await createTestCore({ syncTransport: service.transport, autoSync: false });
  });
  afterAll(async () => {
    fast.dispose();
    right.dispose();
    await service.close();
  });

  it('still syncs, and both the advocate and the service can see the clock is 3 days ahead', async () => {
    fast.core.context.write((w) =>
      w.upsert('referral', CASE, CASE, { reference: 'HRD-0042', status: 'allocated', urgency: 'standard' }),
    );
    // Connecting starts a first sync in the background; sync.now joins it.
    for (const t of [fast, right]) {
      const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code });
      await t.call('sync.now', {});
    }
    expect(right.core.context.db().prepare('SELECT reference FROM referrals WHERE id = ?').pluck().get(CASE)).toBe(
      'HRD-0042',
    );

    const fastStatus = await fast.call('sync.status', {});
    expect(fastStatus.waiting).toBe(0);
    expect(Math.abs(fastStatus.clockOffsetMs! - 3 * DAY)).toBeLessThan(60_000);
    expect(Math.abs((await right.call('sync.status', {})).clockOffsetMs!)).toBeLessThan(60_000);

    const devices = await ops.listDevices(service.db.pool, service.org);
    const offsets = devices.map((d) => d.clock_offset_ms!).sort((a, b) => a - b);
    expect(Math.abs(offsets[0]!)).toBeLessThan(60_000);
    expect(Math.abs(offsets[1]! - 3 * DAY)).toBeLessThan(60_000);
  });

  it('once it knows the offset, does not renew its sign-in before every request', async () => {
    calls.length = 0;
    fast.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency: 'urgent' }));
    await fast.call('sync.now', {});
    await fast.call('sync.now', {});
    expect(calls.filter((p) => p === '/v1/token')).toEqual([]);
    expect(calls.filter((p) => p === '/v1/push').length).toBe(1);
  });
});
