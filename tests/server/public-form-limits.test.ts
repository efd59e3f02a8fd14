import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { dailyCapMessage } from '../../server/forms/intake-store';
import { senderKey } from '../../server/forms/sender-key';
import { deriveIntakeKeyPair, sealForIntake } from '../../electron/core/intake/intake-key';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { rawDevice } from './service-client';

/**
 * Attack review finding 12: one sender with an IPv6 /64 could send from billions of addresses,
 * and referrals and feedback shared one daily cap, so a flood of referrals shut the feedback
 * links too (and the other way round).
 */
describe('public form limits', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let org: string;
  let publicKey: string;
  let adv: { token: string };
  const clock = new Date('2026-12-02T10:00:00Z');
  const caseId = '01900000-0000-7000-8000-00000000ca5e';

  const referral = async (ip: string) => {
    const sealed = await sealForIntake(
      publicKey,
      { organisationId: org, kind: 'referral', link: null },
      { form: 'referral', firstName: 'Nia', request: 'Help at her review', referrerRole: 'young_person' },
    );
    return app.inject({
      method: 'POST',
      url: `/v1/public/referrals/${org}`,
      remoteAddress: ip,
      payload: { v: PROTOCOL_VERSION, epoch: 1, ...sealed },
    });
  };
  const feedback = async (ip: string) => {
    const made = (
      await app.inject({
        method: 'POST',
        url: '/v1/feedback-links',
        headers: { authorization: `Bearer ${adv.token}` },
        payload: { v: PROTOCOL_VERSION, caseId, audience: 'parent' },
      })
    ).json() as { linkId: string; token: string };
    const sealed = await sealForIntake(
      publicKey,
      { organisationId: org, kind: 'feedback', link: { id: made.linkId, caseId, audience: 'parent' } },
      { form: 'feedback', voiceHeard: 'happy' },
    );
    return app.inject({
      method: 'POST',
      url: `/v1/public/feedback/${made.token}`,
      remoteAddress: ip,
      payload: { v: PROTOCOL_VERSION, epoch: 1, ...sealed },
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({
      pool: db.pool,
      now: () => clock,
      authRateLimit: 1000,
      publicFormLimits: { perAddressPerHour: 2, dailyCap: 3, feedbackDailyCap: 2 },
    });
    org = await ops.createOrganisation(db.pool, 'Riverside Advocacy');
    const manager = await rawDevice(
      app,
      db.pool,
      await ops.createUser(db.pool, org, 'Morgan', 'm@example.org', 'manager'),
    );
    publicKey = (await deriveIntakeKeyPair(Buffer.alloc(32, 7), org)).publicKey;
    const published = await app.inject({
      method: 'POST',
      url: '/v1/intake/key',
      headers: { authorization: `Bearer ${manager.token}` },
      payload: { v: PROTOCOL_VERSION, epoch: 1, publicKey },
    });
    expect(published.statusCode).toBe(200);
    const advocate = await ops.createUser(db.pool, org, 'Sam', 's@example.org', 'advocate');
    await ops.allocate(db.pool, org, caseId, advocate);
    adv = await rawDevice(app, db.pool, advocate);
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('groups IPv6 senders by their /64, and IPv4 ones (mapped or not) by address', () => {
    expect(senderKey('2001:db8:1:2::5')).toBe(senderKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(senderKey('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(senderKey('2001:db8:1:3::5')).not.toBe(senderKey('2001:db8:1:2::5'));
    expect(senderKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(senderKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(senderKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('one sender cannot get round the hourly limit by moving through its IPv6 /64', async () => {
    expect((await referral('2001:db8:aa:1::1')).statusCode).toBe(200);
    expect((await referral('2001:db8:aa:1::2')).statusCode).toBe(200);
    const third = await referral('2001:db8:aa:1:ffff::3');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/wait an hour/);
  });

  it('a flood of referrals does not shut the feedback links, and feedback has a daily cap of its own', async () => {
    // Two referrals already today (above); one more reaches the referral cap of 3.
    expect((await referral('10.1.1.1')).statusCode).toBe(200);
    const capped = await referral('10.1.1.2');
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.message).toBe(dailyCapMessage);

    expect((await feedback('10.2.2.1')).statusCode).toBe(200);
    expect((await feedback('10.2.2.2')).statusCode).toBe(200);
    const third = await feedback('10.2.2.3');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toBe(dailyCapMessage);
    // The refused answer did not use up its link: nothing was taken.
    const used = await db.pool.query('SELECT count(*)::int AS n FROM feedback_links WHERE used_at IS NOT NULL');
    expect(used.rows[0].n).toBe(2);
  });
});
