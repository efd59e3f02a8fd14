import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { currentOrgKey, saveOrgKey } from '../../electron/core/e2e/keyring';
import { deriveIntakeKeyPair, sealForIntake } from '../../electron/core/intake/intake-key';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

/**
 * Attack review finding 11: the service names the case a feedback answer belongs to, so a hostile
 * one could move a young person's answer (and comment) into another child's case. The browser
 * seals the link's case and audience into the answer, and the laptop that made the link checks
 * the service's word against its own record of it.
 */
describe('an online feedback answer stays with the case its link was made for', () => {
  let service: Service;
  let manager: TestCore;
  let caseA: string;
  let caseB: string;

  const key = async () => deriveIntakeKeyPair(currentOrgKey(manager.core.vault.database())!.key, service.org);
  const makeLink = async (caseId: string) => {
    const link = await manager.call('intake.feedbackLink', { caseId, audience: 'young_person' });
    const token = link.url.split('/').pop()!;
    const id = (
      await service.db.pool.query<{ id: string }>(
        'SELECT id FROM feedback_links WHERE case_id = $1 AND used_at IS NULL',
        [caseId],
      )
    ).rows[0]!.id;
    return { token, id };
  };
  const send = async (token: string, sealed: { enc: string; ct: string }) =>
    service.app.inject({
      method: 'POST',
      url: `/v1/public/feedback/${token}`,
      payload: { v: PROTOCOL_VERSION, epoch: 1, ...sealed },
    });
  const answers = { form: 'feedback', listenedTo: 'sad', comment: 'I did not feel safe at home' };

  beforeAll(async () => {
    service = await startService({ keys: true });
    const managerId = await ops.createUser(
      service.db.pool,
      service.org,
      'Morgan Ellis',
      'morgan@example.org',
      'manager',
    );
    manager = await createTestCore({ syncTransport: service.transport, autoSync: false });
    const { code } = await ops.issueEnrolmentCode(service.db.pool, managerId);
    await manager.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    const db = manager.core.vault.database();
    if (!currentOrgKey(db)) {
      saveOrgKey(db, { epoch: 1, key: Buffer.alloc(32, 3) }, new Date());
      const deviceId = db.prepare('SELECT device_id FROM sync_account').pluck().get() as string;
      await service.db.pool.query(
        'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 1, $2, now()) ON CONFLICT DO NOTHING',
        [service.org, deviceId],
      );
      await service.db.pool.query(
        "INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, proof, wrapped_by, created_at) VALUES ($1, 1, $2, 'held', 'held', $2, now()) ON CONFLICT DO NOTHING",
        [service.org, deviceId],
      );
    }
    for (const firstName of ['Ada', 'Bea'])
      await manager.call('caseload.referrals.create', {
        person: { kind: 'young_person', firstName, lastName: 'Quill', dateOfBirth: '2012-03-27' },
        referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
        issues: [{ code: 'PLACEMENT' }],
      });
    await manager.call('sync.now', {});
    [caseA, caseB] = (await manager.call('caseload.triage', {})).map((r) => r.caseId) as [string, string];
  });
  afterAll(async () => {
    manager.dispose();
    await service.close();
  });

  it('an answer the service moves to another case after it was sent opens in neither case', async () => {
    const link = await makeLink(caseA);
    const sealed = await sealForIntake(
      (await key()).publicKey,
      { organisationId: service.org, kind: 'feedback', link: { id: link.id, caseId: caseA, audience: 'young_person' } },
      answers,
    );
    expect((await send(link.token, sealed)).statusCode).toBe(200);
    await service.db.pool.query('UPDATE feedback_links SET case_id = $2 WHERE id = $1', [link.id, caseB]);
    await manager.call('sync.now', {});
    expect(await manager.call('feedback.list', { caseId: caseB })).toHaveLength(0);
    expect(await manager.call('feedback.list', { caseId: caseA })).toHaveLength(0);
    expect((await manager.call('sync.status', {})).lastError).toMatch(/1 online form could not be opened/);
  });

  it("an answer the service pointed at another case from the start is refused against this laptop's record", async () => {
    const link = await makeLink(caseA);
    // The service lies from the moment it serves the page: the browser is told the link is for case B.
    await service.db.pool.query('UPDATE feedback_links SET case_id = $2 WHERE id = $1', [link.id, caseB]);
    const page = await service.app.inject({ method: 'GET', url: `/feedback/${link.token}` });
    expect(page.body).toContain(`data-aad="link|${link.id}|case|${caseB}|young_person"`);
    const sealed = await sealForIntake(
      (await key()).publicKey,
      { organisationId: service.org, kind: 'feedback', link: { id: link.id, caseId: caseB, audience: 'young_person' } },
      answers,
    );
    expect((await send(link.token, sealed)).statusCode).toBe(200);
    await manager.call('sync.now', {});
    expect(await manager.call('feedback.list', { caseId: caseB })).toHaveLength(0);
    expect(await manager.call('feedback.list', { caseId: caseA })).toHaveLength(0);
    expect((await manager.call('sync.status', {})).lastError).toMatch(
      /1 online feedback answer was sent back by the service for a different case from the one its link was made for on this computer/,
    );
    const left = await service.db.pool.query('SELECT count(*)::int AS n FROM intake_submissions');
    expect(left.rows[0].n).toBe(0);
  });

  it('an honest answer still lands in its own case', async () => {
    const link = await makeLink(caseA);
    const sealed = await sealForIntake(
      (await key()).publicKey,
      { organisationId: service.org, kind: 'feedback', link: { id: link.id, caseId: caseA, audience: 'young_person' } },
      answers,
    );
    expect((await send(link.token, sealed)).statusCode).toBe(200);
    await manager.call('sync.now', {});
    expect(await manager.call('feedback.list', { caseId: caseA })).toHaveLength(1);
    expect(await manager.call('feedback.list', { caseId: caseB })).toHaveLength(0);
  });
});
