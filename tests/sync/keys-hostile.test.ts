import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceWrapInfo, publicKeyFromSeed, unwrapKey } from '../../electron/core/e2e/hpke-wrap';
import { pendingSecret, recoveryToPrint } from '../../electron/core/e2e/local-state';
import { e2eMode } from '../../electron/core/e2e/mode';
import { restoreFromRecovery } from '../../electron/core/e2e/recovery';
import * as ops from '../../server/admin/ops';
import { startService, type Device, type Service } from './harness';
import { connectWith, keyOf, laptopsCtx, randomKey, seedOf } from './keys-helpers';

// Attacks a hostile service (or a hostile laptop with a manager's token) makes on the key steps;
// each was shown to work before it was closed (the attacker's review, findings 2, 4, 6, 10).

describe('a hostile service during recovery', () => {
  let service: Service;
  let manager: Device;
  let mu: string;
  beforeEach(async () => {
    service = await startService({ keys: true });
    mu = await ops.createUser(service.db.pool, service.org, 'Maya Manager', 'maya@example.org', 'manager');
    manager = await service.enrolledDevice(mu);
    await manager.client.syncNow();
  });
  afterEach(() => service.close());

  it('cannot swap the recovering laptop’s public key to receive every epoch', async () => {
    const pool = service.db.pool;
    const org = service.org;
    const recovery = recoveryToPrint(manager.db)!;
    const k1 = keyOf(manager, 1);
    await ops.setDeviceStatus(pool, manager.client.account()!.device_id, 'wipe');
    manager.dispose();
    service.devices.splice(service.devices.indexOf(manager), 1);
    const fresh = await service.enrolledDevice(mu);
    await fresh.client.syncNow();
    const id = fresh.client.account()!.device_id;
    const evilSeed = randomKey();
    const evilPub = (await publicKeyFromSeed(evilSeed)).toString('base64url');
    await pool.query('UPDATE device_public_keys SET public_key = $2 WHERE device_id = $1', [id, evilPub]);
    await restoreFromRecovery(laptopsCtx(fresh), recovery);
    const w = (await pool.query('SELECT epoch, wrapped FROM wrapped_keys WHERE device_id = $1 ORDER BY epoch', [id])).rows;
    expect(w.length).toBeGreaterThan(0);
    expect(await unwrapKey(evilSeed, deviceWrapInfo(org, 1, id), w[0].wrapped)).toBeNull();
    // The wrap opens for the laptop itself, so its key survives a reinstall from the service.
    expect((await unwrapKey(seedOf(fresh), deviceWrapInfo(org, 1, id), w[0].wrapped))?.toString('hex')).toBe(k1);
  });
});

describe('a service that hides its keys endpoints from a laptop enrolled with a secret code', () => {
  const CASE = '01900000-0000-7000-8000-0000000dd001';
  let service: Service;
  beforeEach(async () => {
    service = await startService({ keys: false });
  });
  afterEach(() => service.close());

  it('does not get the laptop to send a child’s details in the clear: they wait in the outbox', async () => {
    const u = await ops.createUser(service.db.pool, service.org, 'Ann', 'ann@example.org', 'advocate');
    const { code } = await ops.issueEnrolmentCode(service.db.pool, u);
    const laptop = await connectWith(service, `${code} · secret 7Q4M-T2XD-9KPA-WXYZ`);
    expect(pendingSecret(laptop.db)).not.toBeNull();
    expect(e2eMode(laptop.db)).toBe('waiting');
    laptop.write('t_people', 'p1', CASE, { first_name: 'Jamie', last_name: 'Doe', date_of_birth: '2012-03-04' });
    await laptop.client.syncNow();
    const rows = (await service.db.pool.query("SELECT field, value FROM field_state WHERE entity = 't_people' AND entity_id = 'p1'")).rows;
    expect(rows).toEqual([]);
    expect(e2eMode(laptop.db)).toBe('waiting');
    expect(laptop.outboxCount()).toBeGreaterThan(0);
  });
});
