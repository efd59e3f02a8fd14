import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { purgeDeleted } from '../../server/sync/purge-deleted';
import type { AppEvent } from '../../shared/ipc/events';
import { tablesHolding } from '../helpers/store-text';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000a9';

describe('sync through the app: connect in Settings, status, automatic progress', () => {
  let service: Service;
  let laptop: TestCore;
  let spare: TestCore;
  let alice: string;

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false });
    spare = await createTestCore({ syncTransport: service.transport, autoSync: false });
  });
  afterAll(async () => {
    laptop.dispose();
    spare.dispose();
    await service.close();
  });

  it('refuses a plain-http address that is not this computer', async () => {
    await expect(laptop.call('sync.connect', { serviceUrl: 'http://sync.example.org', code: 'ABCD-EFGH-JKLM-NPQR' })).rejects.toThrow(/https/);
  });

  it('tells the advocate plainly when an enrolment code is wrong', async () => {
    await expect(laptop.call('sync.connect', { serviceUrl: SERVICE_URL, code: 'ABCD-EFGH-JKLM-NPQR' })).rejects.toThrow(/enrolment code is not valid/);
    expect(await laptop.call('sync.status', {})).toMatchObject({ connected: false });
  });

  it('connects with a code, sends a referral written offline and shows it on the second laptop', async () => {
    laptop.core.context.write((w) => w.upsert('referral', CASE, CASE, { reference: 'HRD-0001', status: 'allocated', urgency: 'standard' }));
    expect(await laptop.call('sync.status', {})).toMatchObject({ connected: false, waiting: 3 });
    const events: AppEvent[] = [];
    laptop.core.onEvent((e) => events.push(e));
    const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
    const status = await laptop.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    expect(status).toMatchObject({ connected: true, userName: 'Alice', organisationName: 'Test Advocacy Service' });
    await laptop.call('sync.now', {});
    expect(await laptop.call('sync.status', {})).toMatchObject({ waiting: 0, conflicts: 0, lastError: null });
    expect(events.some((e) => e.type === 'progress' && e.task === 'sync')).toBe(true);

    const second = await ops.issueEnrolmentCode(service.db.pool, alice);
    await spare.call('sync.connect', { serviceUrl: SERVICE_URL, code: second.code });
    await spare.call('sync.now', {});
    const row = spare.core.context.db().prepare('SELECT reference, status FROM referrals WHERE id = ?').get(CASE);
    expect(row).toEqual({ reference: 'HRD-0001', status: 'allocated' });
    expect((await spare.call('sync.status', {})).lastSyncedAt).not.toBeNull();
  });

  it('lists a conflict and resolves it with "keep theirs"', async () => {
    laptop.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency_reason: 'School exclusion meeting on Friday' }));
    spare.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency_reason: 'Placement move planned' }));
    await spare.call('sync.now', {});
    await laptop.call('sync.now', {});
    const conflicts = await laptop.call('sync.conflicts', {});
    expect(conflicts).toMatchObject([{ entity: 'referral', field: 'urgency_reason', mine: true, keptValue: 'Placement move planned' }]);
    expect((await laptop.call('sync.status', {})).conflicts).toBe(1);
    await laptop.call('sync.resolve', { id: conflicts[0]!.id, choice: 'kept' });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});
    expect(await spare.call('sync.conflicts', {})).toEqual([]);
    expect(await laptop.call('sync.conflicts', {})).toEqual([]);
  });

  it('records every sync run in the audit trail, automatic ones too when they move anything', async () => {
    // Newest first.
    const synced = async () => (await laptop.call('audit.list', { limit: 500 })).entries.filter((e) => e.action === 'synced');
    const before = (await synced()).length;
    laptop.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency: 'urgent' }));
    await laptop.core.context.sync.syncNow('sync.automatic');
    const afterAutomatic = await synced();
    expect(afterAutomatic.length).toBe(before + 1);
    expect(afterAutomatic[0]).toMatchObject({ method: 'sync.automatic', caseId: null, detail: expect.stringMatching(/^sent 1, received \d+, conflicts 0, purged 0$/) });

    await laptop.core.context.sync.syncNow('sync.automatic');
    expect((await synced()).length).toBe(before + 1);

    await laptop.call('sync.now', {});
    const afterAsked = await synced();
    expect(afterAsked.length).toBe(before + 2);
    expect(afterAsked[0]).toMatchObject({ method: 'sync.now', detail: 'sent 0, received 0, conflicts 0, purged 0' });

    // The timer's run is under way and another is queued behind it when the advocate presses Sync
    // now: the queued run is theirs, and recorded although nothing moves.
    const timer = laptop.core.context.sync.syncNow('sync.automatic');
    void laptop.core.context.sync.syncNow('sync.automatic');
    await laptop.call('sync.now', {});
    await timer;
    const afterBoth = await synced();
    expect(afterBoth.length).toBe(before + 3);
    expect(afterBoth[0]).toMatchObject({ method: 'sync.now' });
  });

  it('removes a deleted note from every laptop, search index included, once the service purges it', async () => {
    const WORD = 'Quillongrave';
    const note = await laptop.call('fieldwork.notes.create', { caseId: CASE, title: 'Visit' });
    await laptop.call('fieldwork.notes.save', { id: note.id, title: 'Visit', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Talked about ${WORD} school` }] }] }, reason: 'blur' });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});
    expect((await spare.call('fieldwork.notes.search', { query: WORD })).length).toBe(1);
    await laptop.call('fieldwork.notes.remove', { id: note.id });
    // Twice each: the second pull tells the service the first one's changes were applied.
    for (let i = 0; i < 2; i++) for (const d of [laptop, spare]) await d.call('sync.now', {});
    expect((await purgeDeleted(service.db.pool, service.org, new Date(Date.now() + 60_000))).records).toBeGreaterThan(0);

    for (const d of [laptop, spare]) {
      await d.call('sync.now', {});
      const db = d.core.context.db();
      expect(db.prepare('SELECT count(*) FROM notes WHERE id = ?').pluck().get(note.id)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM note_versions WHERE note_id = ?').pluck().get(note.id)).toBe(0);
      // No table holds the word any more, the search index's own storage included.
      expect(tablesHolding(db, WORD)).toEqual([]);
      const runs = (await d.call('audit.list', { limit: 5 })).entries.filter((e) => e.action === 'synced');
      expect(runs[0]!.detail).toMatch(/deleted records removed 1/);
    }
  });
});
