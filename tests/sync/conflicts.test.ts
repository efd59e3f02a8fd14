import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { openConflicts, resolveConflict } from '../../electron/core/sync/conflicts';
import { Writer } from '../../electron/core/db/mutations';
import { Device, startService, testRegistry, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000c1';

describe('edits that race are kept as conflicts for a person to resolve', () => {
  let service: Service;
  let laptop: Device;
  let boss: Device;

  beforeAll(async () => {
    service = await startService();
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const morgan = await ops.createUser(service.db.pool, service.org, 'Morgan', 'morgan@example.org', 'manager');
    laptop = await Device.create(service.transport);
    boss = await Device.create(service.transport);
    await laptop.enrol(service, alice);
    await boss.enrol(service, morgan);
    laptop.write('t_cases', CASE, CASE, { name: 'Case C' });
    laptop.write('t_notes', 'n1', CASE, { title: 'First title', status: 'draft' });
    await laptop.client.syncNow();
    await boss.client.syncNow();
  });
  afterAll(async () => {
    laptop.dispose();
    boss.dispose();
    await service.close();
  });

  it('keeps both texts when two people change the same field offline, and both devices show it', async () => {
    laptop.write('t_notes', 'n1', CASE, { title: 'Advocate title' });
    boss.write('t_notes', 'n1', CASE, { title: 'Manager title' });
    await boss.client.syncNow();
    await laptop.client.syncNow();
    await boss.client.syncNow();

    expect(laptop.row('t_notes', 'n1')!.title).toBe('Manager title');
    expect(boss.row('t_notes', 'n1')!.title).toBe('Manager title');
    const mine = openConflicts(laptop.db);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      field: 'title',
      mine: true,
      editValue: 'Advocate title',
      keptValue: 'Manager title',
      reason: 'concurrent_edit',
    });
    expect(openConflicts(boss.db)).toMatchObject([{ mine: false, editValue: 'Advocate title' }]);
    const stored = await service.db.pool.query('SELECT edit_value, kept_value FROM conflicts');
    expect(stored.rows).toEqual([{ edit_value: 'Advocate title', kept_value: 'Manager title' }]);
  });

  it('applies a merged text everywhere and clears the conflict on every device', async () => {
    const [c] = openConflicts(laptop.db);
    laptop.db
      .transaction(() =>
        resolveConflict(
          laptop.db,
          new Writer(laptop.db, laptop.t.core.context.clock(), testRegistry),
          testRegistry,
          c!.id,
          'merged',
          'Advocate and manager title',
        ),
      )
      .immediate();
    await laptop.client.syncNow();
    await boss.client.syncNow();
    expect(boss.row('t_notes', 'n1')!.title).toBe('Advocate and manager title');
    expect(laptop.row('t_notes', 'n1')!.title).toBe('Advocate and manager title');
    expect(openConflicts(boss.db)).toEqual([]);
    expect(openConflicts(laptop.db)).toEqual([]);
  });

  it('treats an edit that races a delete as a conflict, and "keep the edit" brings the record back', async () => {
    boss.write('t_notes', 'n1', CASE, { deleted_at: '2026-05-01T10:00:00.000Z' });
    laptop.write('t_notes', 'n1', CASE, { status: 'final' });
    await boss.client.syncNow();
    await laptop.client.syncNow();
    const [c] = openConflicts(laptop.db);
    expect(c).toMatchObject({ reason: 'deleted', editValue: 'final', mine: true });
    expect(laptop.row('t_notes', 'n1')!.deleted_at).not.toBeNull();
    laptop.db
      .transaction(() =>
        resolveConflict(
          laptop.db,
          new Writer(laptop.db, laptop.t.core.context.clock(), testRegistry),
          testRegistry,
          c!.id,
          'edit',
        ),
      )
      .immediate();
    await laptop.client.syncNow();
    await boss.client.syncNow();
    expect(boss.row('t_notes', 'n1')).toMatchObject({ deleted_at: null, status: 'final' });
  });

  it('parks fields this version does not know and uses them once it does', async () => {
    boss.write('t_notes', 'n2', CASE, { title: 'Has a future field' });
    await boss.client.syncNow();
    await service.db.pool.query(
      `INSERT INTO field_state (organisation_id, entity, entity_id, field, case_id, value, version, seq) VALUES ($1, 't_notes', 'n2', 'mood', $2, '"calm"', 1, 0)`,
      [service.org, CASE],
    );
    await service.db.pool.query(
      `INSERT INTO changes (organisation_id, seq, kind, entity, entity_id, case_id, field, value, version)
       SELECT $1, last_seq + 1, 'change', 't_notes', 'n2', $2, 'mood', '"calm"', 1 FROM organisations WHERE id = $1`,
      [service.org, CASE],
    );
    await service.db.pool.query('UPDATE organisations SET last_seq = last_seq + 1 WHERE id = $1', [service.org]);
    await laptop.client.syncNow();
    expect(
      laptop.db.prepare("SELECT value FROM sync_parked WHERE entity_id = 'n2' AND field = 'mood'").pluck().get(),
    ).toBe('"calm"');
    laptop.db.exec('ALTER TABLE t_notes ADD COLUMN mood TEXT');
    (testRegistry.t_notes!.fields as string[]).push('mood');
    try {
      await laptop.client.syncNow();
      expect(laptop.row('t_notes', 'n2')).toMatchObject({ title: 'Has a future field', mood: 'calm' });
    } finally {
      (testRegistry.t_notes!.fields as string[]).pop();
    }
  });
});
