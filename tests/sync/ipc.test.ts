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
    await expect(
      laptop.call('sync.connect', { serviceUrl: 'http://sync.example.org', code: 'ABCD-EFGH-JKLM-NPQR' }),
    ).rejects.toThrow(/https/);
  });

  it('tells the advocate plainly when an enrolment code is wrong', async () => {
    await expect(laptop.call('sync.connect', { serviceUrl: SERVICE_URL, code: 'ABCD-EFGH-JKLM-NPQR' })).rejects.toThrow(
      /enrolment code is not valid/,
    );
    expect(await laptop.call('sync.status', {})).toMatchObject({ connected: false });
  });

  it('connects with a code, sends a referral written offline and shows it on the second laptop', async () => {
    laptop.core.context.write((w) =>
      w.upsert('referral', CASE, CASE, { reference: 'HRD-0001', status: 'allocated', urgency: 'standard' }),
    );
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
    laptop.core.context.write((w) =>
      w.upsert('referral', CASE, CASE, { urgency_reason: 'School exclusion meeting on Friday' }),
    );
    spare.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency_reason: 'Placement move planned' }));
    await spare.call('sync.now', {});
    await laptop.call('sync.now', {});
    const conflicts = await laptop.call('sync.conflicts', {});
    expect(conflicts).toMatchObject([
      { entity: 'referral', field: 'urgency_reason', mine: true, keptValue: 'Placement move planned' },
    ]);
    expect((await laptop.call('sync.status', {})).conflicts).toBe(1);
    await laptop.call('sync.resolve', { id: conflicts[0]!.id, choice: 'kept' });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});
    expect(await spare.call('sync.conflicts', {})).toEqual([]);
    expect(await laptop.call('sync.conflicts', {})).toEqual([]);
  });

  it('records every sync run in the audit trail, automatic ones too when they move anything', async () => {
    // Newest first.
    const synced = async () =>
      (await laptop.call('audit.list', { limit: 500 })).entries.filter((e) => e.action === 'synced');
    const before = (await synced()).length;
    laptop.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency: 'urgent' }));
    await laptop.core.context.sync.syncNow('sync.automatic');
    const afterAutomatic = await synced();
    expect(afterAutomatic.length).toBe(before + 1);
    expect(afterAutomatic[0]).toMatchObject({
      method: 'sync.automatic',
      caseId: null,
      description: expect.stringMatching(/^Synced with the service: sent 1, received \d+, conflicts 0, purged 0$/),
    });

    await laptop.core.context.sync.syncNow('sync.automatic');
    expect((await synced()).length).toBe(before + 1);

    await laptop.call('sync.now', {});
    const afterAsked = await synced();
    expect(afterAsked.length).toBe(before + 2);
    expect(afterAsked[0]).toMatchObject({
      method: 'sync.now',
      description: 'Synced with the service: sent 0, received 0, conflicts 0, purged 0',
    });

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
    await laptop.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Visit',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `Talked about ${WORD} school` }] }],
      },
      reason: 'blur',
    });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});
    expect((await spare.call('fieldwork.notes.search', { query: WORD })).length).toBe(1);
    await laptop.call('fieldwork.notes.remove', { id: note.id });
    // Twice each: the second pull tells the service the first one's changes were applied.
    for (let i = 0; i < 2; i++) for (const d of [laptop, spare]) await d.call('sync.now', {});
    expect((await purgeDeleted(service.db.pool, service.org, new Date(Date.now() + 60_000))).records).toBeGreaterThan(
      0,
    );

    for (const d of [laptop, spare]) {
      await d.call('sync.now', {});
      const db = d.core.context.db();
      expect(db.prepare('SELECT count(*) FROM notes WHERE id = ?').pluck().get(note.id)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM note_versions WHERE note_id = ?').pluck().get(note.id)).toBe(0);
      // No table holds the word any more, the search index's own storage included.
      expect(tablesHolding(db, WORD)).toEqual([]);
      const runs = (await d.call('audit.list', { limit: 5 })).entries.filter((e) => e.action === 'synced');
      expect(runs[0]!.description).toMatch(/deleted records removed 1/);
    }
  });

  const words = (text: string) => ({
    type: 'doc' as const,
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  const deviceOf = (t: TestCore) =>
    t.core.context.db().prepare('SELECT device_id FROM sync_account').pluck().get() as string;

  /**
   * A note on both laptops: the spare edits it without syncing while the laptop deletes it, and
   * the service purges it. The spare is counted as past the deletion, as a laptop restored from a
   * backup after the purge would be (it connects as a new device).
   */
  async function lateEditToPurgedNote(word: string): Promise<string> {
    const note = await laptop.call('fieldwork.notes.create', { caseId: CASE, title: 'Visit' });
    await laptop.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Visit',
      body: words('First words'),
      reason: 'blur',
    });
    await laptop.call('sync.now', {});
    await spare.call('sync.now', {});
    await spare.call('fieldwork.notes.save', {
      id: note.id,
      title: 'Visit',
      body: words(`Late words about ${word}`),
      reason: 'blur',
    });
    await laptop.call('fieldwork.notes.remove', { id: note.id });
    for (let i = 0; i < 2; i++) await laptop.call('sync.now', {});
    await service.db.pool.query(
      'UPDATE devices SET synced_seq = (SELECT last_seq FROM organisations WHERE id = $1) WHERE id = $2',
      [service.org, deviceOf(spare)],
    );
    expect((await purgeDeleted(service.db.pool, service.org, new Date(Date.now() + 60_000))).records).toBe(1);
    return note.id;
  }

  it('a late edit to a purged note stops no sync: its words wait in a conflict, and go when the person keeps the note deleted', async () => {
    const id = await lateEditToPurgedNote('Zorbatine');
    await spare.call('sync.now', {});
    expect((await spare.call('sync.status', {})).lastError).toBeNull();
    const db = spare.core.context.db();
    // Deleted here as on the service, its words kept for the person to decide on.
    expect(await spare.call('fieldwork.notes.list', { caseId: CASE })).not.toContainEqual(
      expect.objectContaining({ id }),
    );
    const conflicts = (await spare.call('sync.conflicts', {})).filter((c) => c.entityId === id);
    const body = conflicts.find((c) => c.field === 'body')!;
    expect(body).toMatchObject({ reason: 'deleted', mine: true });
    expect(JSON.stringify(body.editValue)).toContain('Zorbatine');

    for (const c of conflicts) await spare.call('sync.resolve', { id: c.id, choice: 'kept' });
    await spare.call('sync.now', {});
    expect(tablesHolding(db, 'Zorbatine')).toEqual([]);
    // The service drops the resolved conflict that held the late words at its next purge.
    for (let i = 0; i < 2; i++) for (const d of [laptop, spare]) await d.call('sync.now', {});
    expect((await purgeDeleted(service.db.pool, service.org, new Date(Date.now() + 60_000))).records).toBe(1);
    const left = await service.db.pool.query('SELECT count(*)::int AS n FROM conflicts WHERE entity_id = $1', [id]);
    expect(left.rows[0].n).toBe(0);
  });

  it('bringing a purged note back from the laptop that edited it sends all of it; the other laptop says it cannot', async () => {
    const id = await lateEditToPurgedNote('Quenbrisk');
    await spare.call('sync.now', {});
    await laptop.call('sync.now', {});
    const elsewhere = (await laptop.call('sync.conflicts', {})).find((c) => c.entityId === id)!;
    await expect(laptop.call('sync.resolve', { id: elsewhere.id, choice: 'edit' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/cannot be brought back from here/),
    });

    for (const c of (await spare.call('sync.conflicts', {})).filter((x) => x.entityId === id))
      await spare.call('sync.resolve', { id: c.id, choice: 'edit' });
    await spare.call('sync.now', {});
    expect((await spare.call('sync.status', {})).conflicts).toBe(0);
    await laptop.call('sync.now', {});
    const back = await laptop.call('fieldwork.notes.get', { id });
    expect(back.title).toBe('Visit');
    expect(JSON.stringify(back.body)).toContain('Quenbrisk');
  });
});
