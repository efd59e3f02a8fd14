import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

/*
 * A letter's life crosses laptops: sent on one, it arrives sent, locked and with the complaint it
 * recorded on the other; a correction written there carries its version and what it changed.
 */

describe('letters and their complaints through sync', () => {
  let service: Service;
  let laptop: TestCore;
  let spare: TestCore;

  beforeAll(async () => {
    service = await startService();
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    laptop = await createTestCore({
      syncTransport: service.transport,
      autoSync: false,
      now: () => new Date('2026-03-20T10:00:00Z'),
    });
    spare = await createTestCore({
      syncTransport: service.transport,
      autoSync: false,
      now: () => new Date('2026-03-21T10:00:00Z'),
    });
    for (const t of [laptop, spare]) {
      const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
      await t.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    }
  });
  afterAll(async () => {
    laptop.dispose();
    spare.dispose();
    await service.close();
  });

  it('arrives sent and locked, with its complaint, what was left in it, and its correction', async () => {
    const { caseId } = await laptop.call('caseload.referrals.create', {
      person: {
        firstName: 'Yonas',
        lastName: 'Tesfaye',
        preferredName: 'Yonas',
        dateOfBirth: '2009-05-01',
        localAuthority: 'Northshire',
      },
      referral: { referralDate: '2026-02-01', serviceUserType: 'CIC', urgency: 'standard', source: 'self' },
      issues: [{ code: 'CONTACT', description: 'Seeing my sister', wantedOutcome: 'Contact every fortnight' }],
    });
    const letter = await laptop.call('letters.create', {
      caseId,
      templateId: 'stage1-complaint',
      ownWords: 'I want to see my sister.',
    });
    const { placeholders } = await laptop.call('letters.placeholders', { id: letter.id });
    await laptop.call('letters.markSent', {
      id: letter.id,
      sentOn: '2026-03-19',
      sentMethod: 'post',
      leave: placeholders,
    });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});

    const there = await spare.call('letters.get', { id: letter.id });
    expect(there).toMatchObject({
      sentOn: '2026-03-19',
      sentMethod: 'post',
      version: 1,
      placeholdersLeft: placeholders,
    });
    const [complaint] = await spare.call('complaints.forCase', { caseId });
    expect(complaint).toMatchObject({
      stage: 'stage1',
      receivedOn: '2026-03-19',
      letters: [{ id: letter.id, sentOn: '2026-03-19' }],
    });
    await expect(spare.call('letters.save', { id: letter.id, title: 'Changed' })).rejects.toMatchObject({
      code: 'conflict',
    });

    const v2 = await spare.call('letters.correct', { id: letter.id, changeNote: 'The complaint date was wrong' });
    await spare.call('sync.now', {});
    await laptop.call('sync.now', {});
    expect(await laptop.call('letters.get', { id: v2.id })).toMatchObject({
      version: 2,
      versionOf: letter.id,
      changeNote: 'The complaint date was wrong',
    });
    expect((await laptop.call('letters.get', { id: letter.id })).correctedBy).toBe(v2.id);
    expect(await laptop.call('sync.conflicts', {})).toEqual([]);
  });
});
