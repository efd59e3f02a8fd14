import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/app';
import * as ops from '../../server/admin/ops';
import { dailyCapMessage } from '../../server/forms/intake-store';
import { HONEYPOT_MESSAGE } from '../../server/forms/routes';
import { deriveIntakeKeyPair, openSubmission, sealForIntake } from '../../electron/core/intake/intake-key';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestDatabase, type TestDatabase } from './pg-harness';
import { rawDevice } from './service-client';

const DAY = 24 * 60 * 60 * 1000;
const WORDS = 'Zebedee Quartermaine wants to stay with his grandmother in Whitstable';

/** Every row of every table as text: what a copy of the service's database would give away. */
async function dumpText(db: TestDatabase): Promise<string> {
  const tables = await db.pool.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'");
  let out = '';
  for (const { t } of tables.rows) out += JSON.stringify((await db.pool.query(`SELECT * FROM ${t}`)).rows);
  return out;
}

describe('online referral and feedback forms on the service', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let clock = new Date('2026-12-01T10:00:00Z');
  let org: string;
  let manager: string;
  let advocate: string;
  const dataKey = Buffer.alloc(32, 7);

  const post = (url: string, payload: unknown, token?: string, ip = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      remoteAddress: ip,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  const referral = (over: object = {}) => ({
    form: 'referral',
    firstName: 'Zebedee',
    lastName: 'Quartermaine',
    dateOfBirth: '2012-03-27',
    request: WORDS,
    referrerRole: 'social_worker',
    referrerContact: 'sw@example.org',
    ...over,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildServer({
      pool: db.pool,
      now: () => clock,
      authRateLimit: 1000,
      publicFormLimits: { perAddressPerHour: 1000, dailyCap: 1000, feedbackDailyCap: 1000 },
    });
    org = await ops.createOrganisation(db.pool, 'Riverside Advocacy');
    manager = await ops.createUser(db.pool, org, 'Morgan', 'm@example.org', 'manager');
    advocate = await ops.createUser(db.pool, org, 'Sam', 's@example.org', 'advocate');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  async function publishedKey(): Promise<{ token: string; keyPair: CryptoKeyPair; publicKey: string }> {
    const m = await rawDevice(app, db.pool, manager);
    // Once the organisation has an epoch only a laptop holding it may publish: this one is given it.
    await db.pool.query(
      `INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, proof, wrapped_by, created_at)
       SELECT $1, 1, id, 'held', 'held', id, now() FROM devices WHERE user_id = $2 AND EXISTS (SELECT 1 FROM key_epochs WHERE organisation_id = $1 AND epoch = 1)
       ON CONFLICT DO NOTHING`,
      [org, manager],
    );
    const { keyPair, publicKey } = await deriveIntakeKeyPair(dataKey, org);
    const res = await post('/v1/intake/key', { v: PROTOCOL_VERSION, epoch: 1, publicKey }, m.token);
    expect(res.statusCode).toBe(200);
    return { token: m.token, keyPair, publicKey };
  }

  it('serves the page under a strict policy, keeps only ciphertext, and hands it to a manager until acknowledged', async () => {
    const before = await app.inject({ method: 'GET', url: `/refer/${org}` });
    expect(before.statusCode).toBe(404);
    expect(before.body).toContain('not taking referrals online');
    const { token, keyPair, publicKey } = await publishedKey();
    const pageRes = await app.inject({ method: 'GET', url: `/refer/${org}` });
    expect(pageRes.statusCode).toBe(200);
    expect(pageRes.body).toContain('What is an advocate?');
    expect(pageRes.body).toContain(`data-key="${publicKey}"`);
    expect(pageRes.headers['content-security-policy']).toMatch(
      /default-src 'none'; script-src 'self' 'sha256-[^']+'; style-src 'self'/,
    );
    expect(pageRes.headers['referrer-policy']).toBe('no-referrer');
    const script = await app.inject({ method: 'GET', url: '/forms/vendor/core/mod.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect((await app.inject({ method: 'GET', url: '/forms/vendor/core/..%2F..%2Fpackage.json' })).statusCode).toBe(
      404,
    );

    const sealed = await sealForIntake(publicKey, { organisationId: org, kind: 'referral', link: null }, referral());
    const sent = await post(`/v1/public/referrals/${org}`, { v: PROTOCOL_VERSION, epoch: 1, ...sealed });
    expect(sent.statusCode).toBe(200);
    const { reference } = sent.json() as { reference: string };
    expect(reference).toMatch(/^W26-[0-9A-Z]{6}$/);

    const dump = await dumpText(db);
    for (const word of ['Zebedee', 'Quartermaine', 'Whitstable', '2012-03-27', 'sw@example.org'])
      expect(dump).not.toContain(word);

    const pulled = await post('/v1/intake/pull', { v: PROTOCOL_VERSION }, token);
    const [sub] = (pulled.json() as { submissions: { id: string; enc: string; ct: string; reference: string }[] })
      .submissions;
    expect(sub!.reference).toBe(reference);
    expect(
      JSON.parse(await openSubmission(keyPair, { organisationId: org, kind: 'referral', link: null }, sub!)).request,
    ).toBe(WORDS);
    // Moved by the service to the feedback form, it does not open.
    await expect(
      openSubmission(keyPair, { organisationId: org, kind: 'feedback', link: null }, sub!),
    ).rejects.toThrow();
    expect((await post('/v1/intake/ack', { v: PROTOCOL_VERSION, ids: [sub!.id] }, token)).json()).toMatchObject({
      deleted: 1,
    });
    expect((await post('/v1/intake/pull', { v: PROTOCOL_VERSION }, token)).json()).toMatchObject({ submissions: [] });
    expect((await db.pool.query('SELECT count(*)::int AS n FROM intake_submissions')).rows[0].n).toBe(0);
  });

  it('refuses a filled honeypot, an oversized body, a second key for an epoch, and an advocate or another organisation at the manager endpoints', async () => {
    const { token, publicKey } = await publishedKey();
    const sealed = await sealForIntake(publicKey, { organisationId: org, kind: 'referral', link: null }, referral());
    const trapped = await post(`/v1/public/referrals/${org}`, {
      v: PROTOCOL_VERSION,
      epoch: 1,
      ...sealed,
      website: 'http://spam.example',
    });
    expect(trapped.statusCode).toBe(400);
    expect(trapped.json().error.message).toBe(HONEYPOT_MESSAGE);
    const huge = await post(`/v1/public/referrals/${org}`, {
      v: PROTOCOL_VERSION,
      epoch: 1,
      enc: sealed.enc,
      ct: 'A'.repeat(60_000),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.message).toMatch(/too long to send/);
    const other = await deriveIntakeKeyPair(Buffer.alloc(32, 9), org);
    const swapped = await post('/v1/intake/key', { v: PROTOCOL_VERSION, epoch: 1, publicKey: other.publicKey }, token);
    expect(swapped.statusCode).toBe(409);
    // Once the organisation has key epochs, an intake key for an epoch nobody holds is refused.
    const device = (
      await db.pool.query<{ id: string }>('SELECT published_by AS id FROM intake_keys WHERE organisation_id = $1', [
        org,
      ])
    ).rows[0]!.id;
    await db.pool.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now()) ON CONFLICT DO NOTHING',
      [org, device],
    );
    const invented = await post('/v1/intake/key', { v: PROTOCOL_VERSION, epoch: 7, publicKey: other.publicKey }, token);
    expect(invented.statusCode).toBe(409);
    expect(invented.json().error.message).toMatch(/no key epoch 7/);

    expect((await post(`/v1/public/referrals/${org}`, { v: PROTOCOL_VERSION, epoch: 1, ...sealed })).statusCode).toBe(
      200,
    );
    const adv = await rawDevice(app, db.pool, advocate);
    for (const [url, body] of [
      ['/v1/intake/pull', {}],
      ['/v1/intake/ack', { ids: ['01900000-0000-7000-8000-000000000001'] }],
      ['/v1/intake/key', { epoch: 2, publicKey: other.publicKey }],
    ] as const) {
      const res = await post(url, { v: PROTOCOL_VERSION, ...body }, adv.token);
      expect(res.statusCode).toBe(403);
    }
    const org2 = await ops.createOrganisation(db.pool, 'Elsewhere');
    const stranger = await rawDevice(
      app,
      db.pool,
      await ops.createUser(db.pool, org2, 'Pat', 'p@example.org', 'manager'),
    );
    expect((await post('/v1/intake/pull', { v: PROTOCOL_VERSION }, stranger.token)).json()).toMatchObject({
      submissions: [],
    });
    const mine = (await post('/v1/intake/pull', { v: PROTOCOL_VERSION }, token)).json() as {
      submissions: { id: string }[];
    };
    expect(mine.submissions.length).toBeGreaterThan(0);
    expect(
      (
        await post('/v1/intake/ack', { v: PROTOCOL_VERSION, ids: mine.submissions.map((s) => s.id) }, stranger.token)
      ).json(),
    ).toMatchObject({ deleted: 0 });
    expect((await post('/v1/intake/pull', { v: PROTOCOL_VERSION }, token)).json().submissions).toHaveLength(
      mine.submissions.length,
    );
    await post('/v1/intake/ack', { v: PROTOCOL_VERSION, ids: mine.submissions.map((s) => s.id) }, token);
  });

  it("shows an organisation's name as text, never as markup", async () => {
    const evil = await ops.createOrganisation(db.pool, '<script>alert(1)</script> & "Co"');
    const m = await rawDevice(app, db.pool, await ops.createUser(db.pool, evil, 'Kim', 'k@example.org', 'manager'));
    const { publicKey } = await deriveIntakeKeyPair(dataKey, evil);
    expect((await post('/v1/intake/key', { v: PROTOCOL_VERSION, epoch: 1, publicKey }, m.token)).statusCode).toBe(200);
    const page = await app.inject({ method: 'GET', url: `/refer/${evil}` });
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  });

  it('limits each address per hour and each organisation per day, in words the sender can act on', async () => {
    const limited = await buildServer({
      pool: db.pool,
      now: () => clock,
      publicFormLimits: { perAddressPerHour: 2, dailyCap: 3, feedbackDailyCap: 3 },
    });
    const { publicKey } = await publishedKey();
    const send = async (ip: string) => {
      const sealed = await sealForIntake(publicKey, { organisationId: org, kind: 'referral', link: null }, referral());
      return limited.inject({
        method: 'POST',
        url: `/v1/public/referrals/${org}`,
        remoteAddress: ip,
        payload: { v: PROTOCOL_VERSION, epoch: 1, ...sealed },
      });
    };
    clock = new Date('2026-12-02T10:00:00Z');
    expect((await send('10.1.1.1')).statusCode).toBe(200);
    expect((await send('10.1.1.1')).statusCode).toBe(200);
    const third = await send('10.1.1.1');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/wait an hour/);
    expect((await send('10.2.2.2')).statusCode).toBe(200);
    const capped = await send('10.3.3.3');
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.message).toBe(dailyCapMessage);
    clock = new Date('2026-12-03T10:00:00Z');
    expect((await send('10.4.4.4')).statusCode).toBe(200);
    await limited.close();
  });

  it('behind a trusted reverse proxy, counts each sender by the address the proxy forwards', async () => {
    clock = new Date('2026-12-04T10:00:00Z');
    const { publicKey } = await publishedKey();
    const proxied = await buildServer({
      pool: db.pool,
      now: () => clock,
      trustProxy: '10.9.9.9',
      publicFormLimits: { perAddressPerHour: 1, dailyCap: 100, feedbackDailyCap: 100 },
    });
    const send = async (sender: string) => {
      const sealed = await sealForIntake(publicKey, { organisationId: org, kind: 'referral', link: null }, referral());
      return proxied.inject({
        method: 'POST',
        url: `/v1/public/referrals/${org}`,
        remoteAddress: '10.9.9.9',
        headers: { 'x-forwarded-for': sender },
        payload: { v: PROTOCOL_VERSION, epoch: 1, ...sealed },
      });
    };
    expect((await send('203.0.113.1')).statusCode).toBe(200);
    expect((await send('203.0.113.2')).statusCode).toBe(200);
    expect((await send('203.0.113.1')).statusCode).toBe(429);
    await proxied.close();
  });

  it('a feedback link works once, then says it was used; another expires after 30 days; only the case holder may make one', async () => {
    const { token, keyPair, publicKey } = await publishedKey();
    const caseId = '01900000-0000-7000-8000-00000000ca5e';
    await ops.allocate(db.pool, org, caseId, advocate);
    const adv = await rawDevice(app, db.pool, advocate);
    const made = await post('/v1/feedback-links', { v: PROTOCOL_VERSION, caseId, audience: 'young_person' }, adv.token);
    expect(made.statusCode).toBe(200);
    const link = made.json() as { linkId: string; token: string; expiresAt: string };
    expect(Date.parse(link.expiresAt) - clock.getTime()).toBe(30 * DAY);
    const form = await app.inject({ method: 'GET', url: `/feedback/${link.token}` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Did you feel listened to?');
    // The browser seals the link's case and audience into the answer, as the page tells it.
    expect(form.body).toContain(`data-aad="link|${link.linkId}|case|${caseId}|young_person"`);
    const answers = { form: 'feedback', listenedTo: 'happy', comment: 'Kezia was brilliant' };
    const sealed = await sealForIntake(
      publicKey,
      { organisationId: org, kind: 'feedback', link: { id: link.linkId, caseId, audience: 'young_person' } },
      answers,
    );
    expect(
      (await post(`/v1/public/feedback/${link.token}`, { v: PROTOCOL_VERSION, epoch: 1, ...sealed })).statusCode,
    ).toBe(200);
    const again = await post(`/v1/public/feedback/${link.token}`, { v: PROTOCOL_VERSION, epoch: 1, ...sealed });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.message).toMatch(/already been used/);
    const reopened = await app.inject({ method: 'GET', url: `/feedback/${link.token}` });
    expect(reopened.statusCode).toBe(410);
    expect(reopened.body).toContain('This feedback link has already been used');
    expect(await dumpText(db)).not.toContain('Kezia');
    expect(await dumpText(db)).not.toContain(link.token);

    const pulled = (await post('/v1/intake/pull', { v: PROTOCOL_VERSION }, token)).json() as {
      submissions: {
        id: string;
        enc: string;
        ct: string;
        link: { id: string; caseId: string; audience: 'young_person' | 'parent' | 'carer' | 'professional' };
      }[];
    };
    const sub = pulled.submissions.find((s) => s.link?.id === link.linkId)!;
    expect(sub.link).toEqual({ id: link.linkId, caseId, audience: 'young_person' });
    expect(
      JSON.parse(await openSubmission(keyPair, { organisationId: org, kind: 'feedback', link: sub.link }, sub)).comment,
    ).toBe('Kezia was brilliant');
    // Moved by the service to another link, it does not open.
    await expect(
      openSubmission(
        keyPair,
        { organisationId: org, kind: 'feedback', link: { ...sub.link, id: '01900000-0000-7000-8000-0000000000ff' } },
        sub,
      ),
    ).rejects.toThrow();
    // Moved by the service to another case (attack review finding 11), or another audience, it does not open.
    await expect(
      openSubmission(
        keyPair,
        {
          organisationId: org,
          kind: 'feedback',
          link: { ...sub.link, caseId: '01900000-0000-7000-8000-0000000000cc' },
        },
        sub,
      ),
    ).rejects.toThrow();
    await expect(
      openSubmission(keyPair, { organisationId: org, kind: 'feedback', link: { ...sub.link, audience: 'carer' } }, sub),
    ).rejects.toThrow();
    await post('/v1/intake/ack', { v: PROTOCOL_VERSION, ids: [sub.id] }, token);

    const otherAdvocate = await rawDevice(
      app,
      db.pool,
      await ops.createUser(db.pool, org, 'Lee', 'l@example.org', 'advocate'),
    );
    expect(
      (await post('/v1/feedback-links', { v: PROTOCOL_VERSION, caseId, audience: 'parent' }, otherAdvocate.token))
        .statusCode,
    ).toBe(403);
    expect(
      (await post('/v1/feedback-links', { v: PROTOCOL_VERSION, caseId: 'never-synced', audience: 'parent' }, token))
        .statusCode,
    ).toBe(403);
    // A manager may ask for any case the service knows, but not one it has erased.
    await db.pool.query(
      "INSERT INTO case_origins (organisation_id, case_id, created_at) VALUES ($1, 'pushed-case', now()), ($1, 'erased-case', now())",
      [org],
    );
    await db.pool.query(
      "INSERT INTO erased_cases (organisation_id, case_id, erased_at, rule) VALUES ($1, 'erased-case', now(), 'test')",
      [org],
    );
    expect(
      (
        await post(
          '/v1/feedback-links',
          { v: PROTOCOL_VERSION, caseId: 'pushed-case', audience: 'professional' },
          token,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await post(
          '/v1/feedback-links',
          { v: PROTOCOL_VERSION, caseId: 'erased-case', audience: 'professional' },
          token,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(
          '/v1/feedback-links',
          { v: PROTOCOL_VERSION, caseId: 'pushed-case', audience: 'professional' },
          adv.token,
        )
      ).statusCode,
    ).toBe(403);

    const later = (
      await post('/v1/feedback-links', { v: PROTOCOL_VERSION, caseId, audience: 'carer' }, adv.token)
    ).json() as { token: string; linkId: string };
    clock = new Date(clock.getTime() + 30 * DAY + 1000);
    const expired = await app.inject({ method: 'GET', url: `/feedback/${later.token}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This feedback link has expired');
    const late = await sealForIntake(
      publicKey,
      { organisationId: org, kind: 'feedback', link: { id: later.linkId, caseId, audience: 'carer' } },
      answers,
    );
    expect(
      (await post(`/v1/public/feedback/${later.token}`, { v: PROTOCOL_VERSION, epoch: 1, ...late })).json().error
        .message,
    ).toMatch(/expired/);

    expect((await app.inject({ method: 'GET', url: '/feedback/not-a-real-token' })).body).toContain(
      'This link does not work',
    );
  });
});
