import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { createReferral } from '../../electron/core/caseload/referrals';
import { createNote, saveNote } from '../../electron/core/fieldwork/notes';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { rawDevice } from '../server/service-client';
import { SERVICE_URL, startService, type Service } from './harness';

/**
 * A case made on a laptop whose id another device pushed first (a guess, or an id worked out
 * from its reference by an old import): the service refuses it with its neutral code, and the
 * laptop gives the case a new id and sends all of it again, losing nothing.
 */
describe('a case whose id is already taken on the service', () => {
  let service: Service;
  let laptop: TestCore;
  let alice: string;
  let bilal: string;

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    bilal = await ops.createUser(service.db.pool, service.org, 'Bilal', 'bilal@example.org', 'advocate');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
    await laptop.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    await laptop.call('sync.now', {});
  });
  afterAll(async () => {
    laptop.dispose();
    await service.close();
  });

  it("is given a new id on the laptop, keeps its reference and every word, and reaches the service as the advocate's own", async () => {
    const ctx = laptop.core.context;
    const { caseId: taken, reference } = createReferral(ctx, {
      person: { firstName: 'Hawa', lastName: 'Tesfaye', dateOfBirth: '2010-09-03' },
      referral: { referralDate: '2026-11-02', request: 'Wants to stay at her school' },
      issues: [{ code: 'PLACEMENT', description: 'Moving placement may mean a new school' }],
    });
    const note = createNote(ctx, taken, null, 'First visit');
    saveNote(
      ctx,
      note.id,
      'First visit',
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Hawa said she wants to stay at Northfield.' }] },
        ],
      },
      'autosave',
    );

    // Another device (Bilal's) claims the id before Alice's laptop sends the case.
    const thief = await rawDevice(service.app, service.db.pool, bilal);
    expect(
      (await thief.push([{ entity: 'referral', entityId: taken, caseId: taken, field: 'reference', value: 'CLAIMED' }]))
        .status,
    ).toBe(200);

    await laptop.call('sync.now', {});
    const db = ctx.db();
    const referral = db
      .prepare('SELECT id, reference, request, person_id FROM referrals WHERE reference = ?')
      .get(reference) as { id: string; reference: string; request: string; person_id: string };
    expect(referral.id).not.toBe(taken);
    expect(referral.request).toBe('Wants to stay at her school');
    // Every row that named the old id names the new one; nothing names the old id any more.
    expect(db.prepare('SELECT case_id FROM notes WHERE id = ?').pluck().get(note.id)).toBe(referral.id);
    expect(db.prepare('SELECT referral_id FROM referral_issues').pluck().all()).toEqual([referral.id]);
    for (const [table, column] of [
      ['notes', 'case_id'],
      ['referral_issues', 'referral_id'],
      ['outbox', 'case_id'],
      ['sync_record_cases', 'case_id'],
      ['referrals', 'id'],
    ]) {
      expect(
        db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(taken),
        `${table}.${column}`,
      ).toBe(0);
    }
    const status = await laptop.call('sync.status', {});
    expect(status).toMatchObject({ waiting: 0, lastError: null });
    expect((await laptop.call('caseload.list', { query: 'Hawa' })).rows).toMatchObject([{ reference }]);

    // On the service: the case under its new id, Alice's, with every field and the note's words.
    const pool = service.db.pool;
    expect((await pool.query('SELECT user_id FROM allocations WHERE case_id = $1', [referral.id])).rows).toEqual([
      { user_id: alice },
    ]);
    const held = async (caseId: string) =>
      (
        await pool.query<{ entity: string; field: string; value: unknown }>(
          'SELECT entity, field, value FROM field_state WHERE case_id = $1',
          [caseId],
        )
      ).rows;
    const mine = await held(referral.id);
    expect(mine).toEqual(
      expect.arrayContaining([
        { entity: 'referral', field: 'reference', value: reference },
        { entity: 'person', field: 'first_name', value: 'Hawa' },
        { entity: 'referral_issue', field: 'description', value: 'Moving placement may mean a new school' },
      ]),
    );
    expect(JSON.stringify(mine)).toContain('wants to stay at Northfield');
    // The taken id stays the other device's, and holds nothing of Alice's.
    expect(JSON.stringify(await held(taken))).not.toMatch(/Hawa|Northfield|school/);
    const theirs = await thief.pullAll();
    expect(theirs.raw).not.toMatch(/Hawa|Tesfaye|Northfield/);
  });
});
