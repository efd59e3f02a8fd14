import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { currentOrgKey, saveOrgKey } from '../../electron/core/e2e/keyring';
import { deriveIntakeKeyPair } from '../../electron/core/intake/intake-key';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

/**
 * Attack review finding 6: a manager's token alone, or the service itself, points the public
 * referral page at a key that is not derived from the organisation's data key. A manager's laptop
 * must notice at its next sync and say so in plain words.
 */
describe("a manager's laptop checks the key the public pages seal to", () => {
  let service: Service;
  let manager: TestCore;
  let org: Buffer;

  const served = async () => (await service.app.inject({ method: 'GET', url: `/refer/${service.org}` })).body;
  const lastError = async () => (await manager.call('sync.status', {})).lastError;

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
    const current = currentOrgKey(db)!;
    expect(current.epoch).toBe(1);
    org = current.key;
    await manager.call('sync.now', {});
  });
  afterAll(async () => {
    manager.dispose();
    await service.close();
  });

  it("says nothing while the referral page serves the organisation's own key", async () => {
    const mine = await deriveIntakeKeyPair(org, service.org);
    expect(await served()).toContain(`data-key="${mine.publicKey}"`);
    await manager.call('sync.now', {});
    expect(await lastError()).toBeNull();
  });

  it("warns when the page seals to a stranger's key for this epoch, and stops once it is put right", async () => {
    const mine = await deriveIntakeKeyPair(org, service.org);
    const stranger = await deriveIntakeKeyPair(Buffer.alloc(32, 9), service.org);
    await service.db.pool.query('UPDATE intake_keys SET public_key = $2 WHERE organisation_id = $1 AND epoch = 1', [
      service.org,
      stranger.publicKey,
    ]);
    expect(await served()).toContain(`data-key="${stranger.publicKey}"`);
    await manager.call('sync.now', {});
    // The service refuses a second key for an epoch, so the laptop cannot put its own back: it says so.
    expect(await lastError()).toMatch(
      /sealing forms to a key that is not your organisation's, and the service did not let Heard put the right one back/,
    );
    expect(await lastError()).toMatch(/may be read by someone else/);
    // The Today panel stops offering the page's address to hand out.
    expect(await manager.call('intake.status', {})).toEqual({ state: 'wrong_key', pageUrl: null });

    await service.db.pool.query('UPDATE intake_keys SET public_key = $2 WHERE organisation_id = $1 AND epoch = 1', [
      service.org,
      mine.publicKey,
    ]);
    await manager.call('sync.now', {});
    expect(await lastError()).toBeNull();
    expect(await manager.call('intake.status', {})).toMatchObject({ state: 'open' });
  });

  it('republishes its own key when the service lost it, without alarm', async () => {
    const mine = await deriveIntakeKeyPair(org, service.org);
    await service.db.pool.query('DELETE FROM intake_keys WHERE organisation_id = $1', [service.org]);
    await manager.call('sync.now', {});
    expect(await lastError()).toBeNull();
    expect(await served()).toContain(`data-key="${mine.publicKey}"`);
  });

  it('warns when a key-less manager token points the page at an epoch of its own', async () => {
    const rogue = await deriveIntakeKeyPair(Buffer.alloc(32, 7), service.org);
    const device = (await service.db.pool.query<{ id: string }>('SELECT id FROM devices LIMIT 1')).rows[0]!.id;
    await service.db.pool.query(
      'INSERT INTO intake_keys (organisation_id, epoch, public_key, published_by, published_at) VALUES ($1, 2, $2, $3, now())',
      [service.org, rogue.publicKey, device],
    );
    expect(await served()).toContain(`data-key="${rogue.publicKey}"`);
    await manager.call('sync.now', {});
    expect(await lastError()).toMatch(/key for key set 2, which this laptop has not been given/);
    expect(await lastError()).toMatch(/may be read by someone else/);
  });
});
