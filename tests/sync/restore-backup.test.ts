import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000b1';
const BACKUP_PASSPHRASE = 'lantern harbour pebble crocus';
const NEW_PASSPHRASE = 'walnut meadow tractor solstice';

describe('restoring a backup on a laptop that syncs', () => {
  let service: Service;
  let laptop: TestCore;
  let alice: string;
  let work: string;
  let clock = Date.now();

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    laptop = await createTestCore({ syncTransport: service.transport, autoSync: false, now: () => new Date(clock) });
    work = mkdtempSync(join(tmpdir(), 'heard-restore-sync-'));
  });
  afterAll(async () => {
    laptop.dispose();
    rmSync(work, { recursive: true, force: true });
    await service.close();
  });

  it('keeps the restored records: the laptop is disconnected, not wiped, and its waiting changes are sent once after connecting again', async () => {
    const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
    laptop.core.context.write((w) => w.upsert('referral', CASE, CASE, { reference: 'HRD-0201', status: 'open' }));
    await laptop.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    await laptop.call('sync.now', {});
    // Made with one change still waiting; that change is then sent under this enrolment.
    laptop.core.context.write((w) => w.upsert('referral', CASE, CASE, { urgency: 'urgent' }));
    const backup = join(work, 'laptop.backup');
    await laptop.call('backup.create', {
      path: backup,
      passphrase: TEST_PASSPHRASE,
      backupPassphrase: BACKUP_PASSPHRASE,
    });
    // Time passes: the sign-in is renewed twice, so the backup's refresh token is long spent.
    for (let i = 0; i < 2; i++) {
      clock += 20 * 60_000;
      await laptop.call('sync.now', {});
    }
    const logged = async () =>
      (
        await service.db.pool.query("SELECT count(*)::int AS n FROM changes WHERE kind = 'change' AND entity_id = $1", [
          CASE,
        ])
      ).rows[0].n as number;
    const before = await logged();

    await laptop.call('backup.restore', {
      path: backup,
      backupPassphrase: BACKUP_PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      replace: true,
    });
    await laptop.core.vault.unlock(NEW_PASSPHRASE);
    expect(await laptop.call('sync.status', {})).toMatchObject({ connected: false, waiting: 1 });
    expect(laptop.core.context.db().prepare('SELECT reference, urgency FROM referrals WHERE id = ?').get(CASE)).toEqual(
      { reference: 'HRD-0201', urgency: 'urgent' },
    );

    const again = await ops.issueEnrolmentCode(service.db.pool, alice);
    await laptop.call('sync.connect', { serviceUrl: SERVICE_URL, code: again.code });
    await laptop.call('sync.now', {});
    expect(await laptop.call('sync.status', {})).toMatchObject({ connected: true, waiting: 0, lastError: null });
    expect(await logged()).toBe(before);
    expect(laptop.core.context.db().prepare('SELECT reference, urgency FROM referrals WHERE id = ?').get(CASE)).toEqual(
      { reference: 'HRD-0201', urgency: 'urgent' },
    );
  });
});
