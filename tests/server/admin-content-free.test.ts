import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { startService, type Service } from '../sync/harness';
import { runAdmin } from './run-admin';

const CASE = '01900000-0000-7000-8000-0000000000d1';

describe('the admin CLI keeps the commands that need no record content, and points elsewhere for the rest', () => {
  let service: Service;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    bob = await ops.createUser(service.db.pool, service.org, 'Bob', 'bob@example.org', 'advocate');
  });
  afterAll(() => service.close());

  it('refuses the report and the retention commands, saying they run on a manager’s laptop, before reading anything', async () => {
    for (const args of [
      ['report', '--org', service.org, '--quarter', '2026-Q2', '--format', 'csv'],
      ['retention', '--org', service.org, '--basis', 'later', '--years', '6'],
      ['retention-erase', '--org', service.org, '--cases', CASE, '--confirm', '1'],
    ]) {
      const r = await runAdmin(args, service.db.url);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/manager's laptop/);
      expect(r.err).toMatch(/Nothing was done\./);
    }
    expect((await runAdmin(['help'], service.db.url)).out).not.toMatch(/retention-erase|--quarter/);
  });

  it('allocates, purges tombstones, revokes and wipes from the command line', async () => {
    const laptop = await service.enrolledDevice(alice);
    const other = await service.enrolledDevice(bob);
    laptop.write('t_cases', CASE, CASE, { name: 'Case D' });
    laptop.write('t_notes', 'note-d', CASE, { title: 'Deleted today' });
    await laptop.client.syncNow();
    laptop.write('t_notes', 'note-d', CASE, { deleted_at: new Date().toISOString() });
    await laptop.client.syncNow();

    const moved = await runAdmin(
      ['allocate', '--org', service.org, '--case', CASE, '--user', 'bob@example.org'],
      service.db.url,
    );
    expect(moved).toMatchObject({ code: 0, out: 'Case reallocated; the previous holder’s devices will remove it.\n' });
    await other.client.syncNow();
    await laptop.client.syncNow();
    expect(other.row('t_cases', CASE)).toMatchObject({ name: 'Case D' });
    expect(laptop.row('t_cases', CASE)).toBeUndefined();

    // Deleted today: kept until the period has passed, and the command says how far devices have got.
    const purge = await runAdmin(['purge-deleted', '--org', service.org, '--days', '1'], service.db.url);
    expect(purge.code).toBe(0);
    expect(purge.out).toMatch(/^0 deleted record\(s\) purged/);
    expect(
      (await service.db.pool.query("SELECT count(*)::int AS n FROM field_state WHERE entity_id = 'note-d'")).rows[0].n,
    ).toBeGreaterThan(0);

    const ids = [laptop.client.account()!.device_id, other.client.account()!.device_id];
    expect((await runAdmin(['revoke-device', '--device', ids[0]!], service.db.url)).code).toBe(0);
    expect((await runAdmin(['wipe-device', '--device', ids[1]!], service.db.url)).code).toBe(0);
    await expect(other.client.syncNow()).rejects.toThrow(/wiped/);
    expect(other.t.core.vault.isUnlocked).toBe(false);
    await expect(laptop.client.syncNow()).rejects.toThrow(/disconnected this computer/);
    const status = await service.db.pool.query<{ status: string }>(
      'SELECT status FROM devices WHERE id = $1 OR id = $2 ORDER BY id = $1 DESC',
      ids,
    );
    expect(status.rows.map((r) => r.status)).toEqual(['revoked', expect.stringMatching(/^wipe/)]);
  });
});
