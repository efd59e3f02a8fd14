import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { currentOrgKey, saveOrgKey } from '../../electron/core/e2e/keyring';
import { deriveIntakeKeyPair, sealForIntake } from '../../electron/core/intake/intake-key';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

const REQUEST = 'Zebedee wants to stay at his school in Whitstable after the move';

describe("online forms reach a manager's laptop at sync", () => {
  let service: Service;
  let manager: TestCore;
  let managerId: string;
  const dataKey = Buffer.alloc(32, 3);

  const count = async (table: string) =>
    Number((await service.db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  const publicKey = async () =>
    (
      await service.db.pool.query<{ public_key: string }>(
        'SELECT public_key FROM intake_keys WHERE organisation_id = $1 AND epoch = 1',
        [service.org],
      )
    ).rows[0]!.public_key;
  const submit = async (url: string, sealed: { enc: string; ct: string }) =>
    service.app.inject({ method: 'POST', url, payload: { v: PROTOCOL_VERSION, epoch: 1, ...sealed } });

  beforeAll(async () => {
    service = await startService({ keys: true });
    managerId = await ops.createUser(service.db.pool, service.org, 'Morgan Ellis', 'morgan@example.org', 'manager');
    manager = await createTestCore({ syncTransport: service.transport, autoSync: false });
    const { code } = await ops.issueEnrolmentCode(service.db.pool, managerId);
    await manager.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    if (!currentOrgKey(manager.core.vault.database()))
      expect(await manager.call('intake.status', {})).toEqual({ state: 'waiting_for_key', pageUrl: null });
    // The first manager's laptop holds epoch 1 (made here unless connecting already made it).
    if (!currentOrgKey(manager.core.vault.database())) {
      saveOrgKey(manager.core.vault.database(), { epoch: 1, key: dataKey }, new Date());
      // The service knows the epoch too, or it would refuse the values sealed under it.
      const deviceId = manager.core.vault
        .database()
        .prepare('SELECT device_id FROM sync_account')
        .pluck()
        .get() as string;
      await service.db.pool.query(
        'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now()) ON CONFLICT DO NOTHING',
        [service.org, deviceId],
      );
      // It holds the epoch as far as the service knows, as only a key holder may publish the intake key.
      await service.db.pool.query(
        "INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, proof, wrapped_by, created_at) VALUES ($1, 1, $2, 'held', 'held', $2, now()) ON CONFLICT DO NOTHING",
        [service.org, deviceId],
      );
    }
    // The young person is already known from an earlier referral.
    await manager.call('caseload.referrals.create', {
      person: { kind: 'young_person', firstName: 'Zeb', lastName: 'Quartermaine', dateOfBirth: '2012-03-27' },
      referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
      issues: [{ code: 'PLACEMENT' }],
    });
    await manager.call('sync.now', {});
  });
  afterAll(async () => {
    manager.dispose();
    await service.close();
  });

  it('opens the referral page once the key is published, and gives its address', async () => {
    expect(await manager.call('intake.status', {})).toEqual({
      state: 'open',
      pageUrl: `${SERVICE_URL}/refer/${service.org}`,
    });
    expect((await service.app.inject({ method: 'GET', url: `/refer/${service.org}` })).statusCode).toBe(200);
  });

  it('publishes the intake key, then opens a referral sent in the browser, writes it for triage marked online and flags the known young person', async () => {
    const key = await publicKey();
    const sealed = await sealForIntake(
      key,
      { organisationId: service.org, kind: 'referral', link: null },
      {
        form: 'referral',
        firstName: 'Zebedee',
        preferredName: 'Zeb',
        lastName: 'Quartermaine',
        dateOfBirth: '2012-03-27',
        request: REQUEST,
        urgent: 'yes',
        urgentWhy: 'Placement move on Friday',
        knowsAboutReferral: 'yes',
        referrerRole: 'foster_carer',
        referrerName: 'Jo Blake',
        referrerContact: '07700 900123',
        contactYoungPerson: 'Through Jo',
        situation: 'in_care',
      },
    );
    const sent = await submit(`/v1/public/referrals/${service.org}`, sealed);
    expect(sent.statusCode).toBe(200);
    const { reference } = sent.json() as { reference: string };
    // The same ciphertext delivered again (a replay) becomes no second referral.
    expect((await submit(`/v1/public/referrals/${service.org}`, sealed)).statusCode).toBe(200);
    // A submission that is not the form's (sealed to nothing the laptop holds) is removed with a notice.
    await service.db.pool.query(
      "INSERT INTO intake_submissions (id, organisation_id, kind, reference, epoch, enc, ciphertext, received_at) VALUES (gen_random_uuid(), $1, 'referral', 'W26-JUNK00', 1, $2, $3, now())",
      [service.org, sealed.enc, Buffer.alloc(80, 1).toString('base64url')],
    );

    await manager.call('sync.now', {});
    const triage = await manager.call('caseload.triage', {});
    expect(triage.filter((r) => r.receivedOnline)).toHaveLength(1);
    const online = triage.find((r) => r.reference === reference)!;
    expect(online).toMatchObject({
      displayName: 'Zeb',
      urgency: 'high',
      urgencyReason: 'Placement move on Friday',
      serviceUserType: 'CIC',
    });
    const detail = await manager.call('caseload.case.get', { caseId: online.caseId });
    expect(detail!.referral.request).toContain(REQUEST);
    expect(detail!.referral.request).toContain('How to contact the young person safely: Through Jo');
    expect(detail!.referral.source).toBe('carer');
    const info = await manager.call('intake.referralInfo', { caseId: online.caseId });
    expect(info.receivedOnline).toBe(true);
    expect(info.match).toMatchObject({ displayName: 'Zeb Quartermaine', dateOfBirth: '2012-03-27' });
    expect(info.match!.references).toHaveLength(1);
    expect(await count('intake_submissions')).toBe(0);
    expect((await manager.call('sync.status', {})).lastError).toMatch(/1 online form could not be opened/);
    const trail = await manager.call('audit.list', { caseId: online.caseId });
    expect(trail.entries.find((e) => e.action === 'received-online')).toMatchObject({
      caseReference: reference,
      description: 'Received through the online form: a referral',
    });

    // The referral syncs like any other: the service now holds it under the manager's push.
    await manager.call('sync.now', {});
    expect((await manager.call('sync.status', {})).waiting).toBe(0);
    const confirmed = await manager.call('intake.decideMatch', { caseId: online.caseId, decision: 'confirmed' });
    expect(confirmed).toMatchObject({ decision: 'confirmed', match: null });
    const again = await manager.call('caseload.case.get', { caseId: online.caseId });
    expect(again!.person?.id).toBe(info.match!.personId);
    await expect(manager.call('intake.decideMatch', { caseId: online.caseId, decision: 'dismissed' })).rejects.toThrow(
      /no possible match waiting/,
    );
  });

  it('a feedback link made on the laptop brings the answers back into the case once', async () => {
    const triage = await manager.call('caseload.triage', {});
    const caseId = triage[0]!.caseId;
    const link = await manager.call('intake.feedbackLink', { caseId, audience: 'young_person' });
    expect(link.url).toMatch(new RegExp(`^${SERVICE_URL}/feedback/[A-Za-z0-9_-]{43}$`));
    const token = link.url.split('/').pop()!;
    const linkId = (await service.db.pool.query<{ id: string }>('SELECT id FROM feedback_links')).rows[0]!.id;
    const sealed = await sealForIntake(
      await publicKey(),
      { organisationId: service.org, kind: 'feedback', link: { id: linkId, caseId, audience: 'young_person' } },
      {
        form: 'feedback',
        listenedTo: 'happy',
        useAgain: 'ok',
        comment: 'Kind and patient',
        mayQuote: true,
        voiceHeard: 'sad',
      },
    );
    expect((await submit(`/v1/public/feedback/${token}`, sealed)).statusCode).toBe(200);
    expect((await submit(`/v1/public/feedback/${token}`, sealed)).statusCode).toBe(410);
    await manager.call('sync.now', {});
    const forms = await manager.call('feedback.list', { caseId });
    expect(forms).toHaveLength(1);
    // Only the young person's questions are kept, whatever else the answers held.
    expect(forms[0]).toMatchObject({
      kind: 'young_person',
      listenedTo: 'happy',
      useAgain: 'ok',
      thingsChanged: null,
      voiceHeard: null,
      comment: 'Kind and patient',
      mayQuote: true,
    });
    expect(await count('intake_submissions')).toBe(0);
    // The quarterly report counts it with the rest of the quarter's feedback.
    const received = forms[0]!.receivedDate;
    const report = await manager.call('reports.quarterly', { period: { from: received, to: received } });
    expect(report.feedback.received.young_person).toBe(1);
    expect(report.feedback.youngPerson.listened_to.happy).toBe(1);
  });

  it("leaves what it cannot open on the service, and an advocate's laptop never collects", async () => {
    // A newer epoch's key, published by another manager's laptop that holds it; this one does not.
    const newer = await deriveIntakeKeyPair(Buffer.alloc(32, 4), service.org);
    const device = (await service.db.pool.query<{ id: string }>('SELECT id FROM devices LIMIT 1')).rows[0]!.id;
    await service.db.pool.query(
      'INSERT INTO intake_keys (organisation_id, epoch, public_key, published_by, published_at) VALUES ($1, 2, $2, $3, now())',
      [service.org, newer.publicKey, device],
    );
    const sealed = await sealForIntake(
      newer.publicKey,
      { organisationId: service.org, kind: 'referral', link: null },
      { form: 'referral', firstName: 'Nia', request: 'Help at her review', referrerRole: 'young_person' },
    );
    expect(
      (
        await service.app.inject({
          method: 'POST',
          url: `/v1/public/referrals/${service.org}`,
          payload: { v: PROTOCOL_VERSION, epoch: 2, ...sealed },
        })
      ).statusCode,
    ).toBe(200);
    const before = (await manager.call('caseload.triage', {})).length;
    await manager.call('sync.now', {});
    expect(await manager.call('caseload.triage', {})).toHaveLength(before);
    expect(await count('intake_submissions')).toBe(1);

    const advocateId = await ops.createUser(service.db.pool, service.org, 'Sam Carter', 'sam@example.org', 'advocate');
    const advocate = await createTestCore({ syncTransport: service.transport, autoSync: false });
    try {
      const { code } = await ops.issueEnrolmentCode(service.db.pool, advocateId);
      await advocate.call('sync.connect', { serviceUrl: SERVICE_URL, code });
      saveOrgKey(advocate.core.vault.database(), { epoch: 2, key: Buffer.alloc(32, 4) }, new Date());
      await advocate.call('sync.now', {});
      expect(await advocate.call('intake.status', {})).toEqual({ state: 'not_manager', pageUrl: null });
      expect(await count('intake_submissions')).toBe(1);
      const asked = await service.db.pool.query(
        "SELECT count(*)::int AS n FROM audit WHERE user_id = $1 AND action LIKE '%/v1/intake/%'",
        [advocateId],
      );
      expect(asked.rows[0].n).toBe(0);
    } finally {
      advocate.dispose();
    }
  });
});
