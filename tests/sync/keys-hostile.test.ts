import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceWrapInfo, publicKeyFromSeed, recoveryWrapInfo, unwrapKey } from '../../electron/core/e2e/hpke-wrap';
import { issueLaptopCode, listLaptops, setLaptopStatus } from '../../electron/core/e2e/laptops';
import { pendingSecret, recoveryToPrint } from '../../electron/core/e2e/local-state';
import { e2eMode } from '../../electron/core/e2e/mode';
import { restoreFromRecovery } from '../../electron/core/e2e/recovery';
import { sealRoster } from '../../electron/core/e2e/roster';
import { uuidv7 } from '../../shared/domain/ids';
import * as ops from '../../server/admin/ops';
import { intakeKeyFor } from '../../server/forms/intake-store';
import { startService, type Device, type Service } from './harness';
import { connectWith, keyOf, laptopsCtx, randomKey, rawPost, seedOf } from './keys-helpers';

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
    const w = (await pool.query('SELECT epoch, wrapped FROM wrapped_keys WHERE device_id = $1 ORDER BY epoch', [id]))
      .rows;
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
    const rows = (
      await service.db.pool.query("SELECT field, value FROM field_state WHERE entity = 't_people' AND entity_id = 'p1'")
    ).rows;
    expect(rows).toEqual([]);
    expect(e2eMode(laptop.db)).toBe('waiting');
    expect(laptop.outboxCount()).toBeGreaterThan(0);
  });
});

describe('a manager’s sign-in without the organisation’s key', () => {
  let service: Service;
  let manager: Device;
  let rogue: Device;
  beforeEach(async () => {
    service = await startService({ keys: true });
    const mu = await ops.createUser(service.db.pool, service.org, 'Maya Manager', 'maya@example.org', 'manager');
    manager = await service.enrolledDevice(mu);
    await manager.client.syncNow();
    const ru = await ops.createUser(service.db.pool, service.org, 'Rory Manager', 'rory@example.org', 'manager');
    rogue = await service.enrolledDevice(ru); // a manager's token, never admitted to any key
    await rogue.client.syncNow();
  });
  afterEach(() => service.close());

  it('cannot make the next epoch nor point the public referral page at its own key; admission carries on', async () => {
    const b = () => randomKey().toString('base64url');
    const w = () => Buffer.concat([randomKey(), randomKey(), randomKey().subarray(0, 16)]).toString('base64url');
    const id = rogue.client.account()!.device_id;
    const r = await rawPost(service, rogue, '/v1/keys/epochs', {
      epoch: 2,
      wraps: [{ epoch: 2, deviceId: id, wrapped: w(), proof: b() }],
      recoveryWrap: w(),
    });
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).toContain('current key');
    const evilPub = (await publicKeyFromSeed(randomKey())).toString('base64url');
    const k = await rawPost(service, rogue, '/v1/intake/key', { epoch: 1, publicKey: evilPub });
    expect(k.status).toBe(403);
    await manager.client.syncNow();
    expect((await intakeKeyFor(service.db.pool, service.org))?.publicKey).not.toBe(evilPub);
    const au = await ops.createUser(service.db.pool, service.org, 'Ann', 'ann@example.org', 'advocate');
    const { code } = await issueLaptopCode(laptopsCtx(manager), au);
    const ann = await connectWith(service, code);
    await ann.client.syncNow();
    await manager.client.syncNow();
    await ann.client.syncNow();
    expect(keyOf(ann, 1)).toBe(keyOf(manager, 1));
  });

  it('closing the account of a person whose laptop holds the key makes a new key at the next manager sync', async () => {
    const au = await ops.createUser(service.db.pool, service.org, 'Ann', 'ann@example.org', 'advocate');
    const { code } = await issueLaptopCode(laptopsCtx(manager), au);
    const ann = await connectWith(service, code);
    await ann.client.syncNow();
    await manager.client.syncNow();
    await ann.client.syncNow();
    expect(keyOf(ann, 1)).not.toBeNull();
    const closed = await rawPost(service, manager, '/v1/team/people/deactivate', { userId: au });
    expect(closed.status).toBe(200);
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).not.toBeNull();
    const annId = ann.client.account()!.device_id;
    expect(
      (await service.db.pool.query('SELECT 1 FROM wrapped_keys WHERE device_id = $1 AND epoch = 2', [annId])).rows,
    ).toEqual([]);
  });

  it('closing the account of someone whose laptop never held the key does not rotate', async () => {
    const closed = await rawPost(service, manager, '/v1/team/people/deactivate', {
      userId: rogue.client.account()!.user_id,
    });
    expect(closed.status).toBe(200);
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).toBeNull();
  });
});

describe('a service that swaps the organisation’s recovery public key', () => {
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

  async function swapRecoveryKey(): Promise<Buffer> {
    const evilSeed = randomKey();
    const evilPub = (await publicKeyFromSeed(evilSeed)).toString('base64url');
    await service.db.pool.query('UPDATE recovery_keys SET public_key = $2 WHERE organisation_id = $1', [
      service.org,
      evilPub,
    ]);
    return evilSeed;
  }

  it('gets no new epoch wrapped to its key: the founder refuses to rotate, says why, and keeps the page to print', async () => {
    const printed = recoveryToPrint(manager.db);
    expect(printed).not.toBeNull();
    const evilSeed = await swapRecoveryKey();
    await service.db.pool.query('UPDATE organisations SET key_rotation_due = true WHERE id = $1', [service.org]);
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).toBeNull();
    const wraps = (
      await service.db.pool.query(
        'SELECT epoch, wrapped FROM recovery_wraps WHERE organisation_id = $1 ORDER BY epoch',
        [service.org],
      )
    ).rows;
    for (const w of wraps)
      expect(await unwrapKey(evilSeed, recoveryWrapInfo(service.org, w.epoch), w.wrapped)).toBeNull();
    // Finding 14: the founder's own recovery key is still there to print.
    expect(recoveryToPrint(manager.db)).toBe(printed);
    const list = await listLaptops(laptopsCtx(manager));
    expect(list.recoveryKeyProblem).toMatch(/different recovery key/);
  });

  it('a second manager’s laptop learns the recovery key from the sealed roster, not the service, and refuses too', async () => {
    const su = await ops.createUser(service.db.pool, service.org, 'Sam Manager', 'sam@example.org', 'manager');
    const { code } = await issueLaptopCode(laptopsCtx(manager), su);
    const sam = await connectWith(service, code);
    await sam.client.syncNow();
    await manager.client.syncNow();
    await sam.client.syncNow();
    expect(keyOf(sam, 1)).toBe(keyOf(manager, 1));
    await swapRecoveryKey();
    manager.dispose();
    service.devices.splice(service.devices.indexOf(manager), 1);
    await service.db.pool.query('UPDATE organisations SET key_rotation_due = true WHERE id = $1', [service.org]);
    await sam.client.syncNow();
    expect(keyOf(sam, 2)).toBeNull();
    expect((await listLaptops(laptopsCtx(sam))).recoveryKeyProblem).toMatch(/different recovery key/);
  });

  it('with the organisation’s own recovery key, rotation carries on and says nothing', async () => {
    await service.db.pool.query('UPDATE organisations SET key_rotation_due = true WHERE id = $1', [service.org]);
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).not.toBeNull();
    expect((await listLaptops(laptopsCtx(manager))).recoveryKeyProblem).toBeNull();
  });
});

describe('a revoked laptop colluding with the service', () => {
  let service: Service;
  let manager: Device;
  beforeEach(async () => {
    service = await startService({ keys: true });
    const mu = await ops.createUser(service.db.pool, service.org, 'Maya Manager', 'maya@example.org', 'manager');
    manager = await service.enrolledDevice(mu);
    await manager.client.syncNow();
  });
  afterEach(() => service.close());

  it('cannot get back in with a roster sealed under the epoch it held before the rotation', async () => {
    const pool = service.db.pool;
    const org = service.org;
    const au = await ops.createUser(pool, org, 'Ann', 'ann@example.org', 'advocate');
    const { code } = await issueLaptopCode(laptopsCtx(manager), au);
    const ann = await connectWith(service, code);
    await ann.client.syncNow();
    await manager.client.syncNow();
    await ann.client.syncNow();
    const stolen1 = Buffer.from(keyOf(ann, 1)!, 'hex');
    await setLaptopStatus(laptopsCtx(manager), ann.client.account()!.device_id, 'revoke');
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).not.toBeNull();
    const evilSeed = randomKey();
    const evilPub = (await publicKeyFromSeed(evilSeed)).toString('base64url');
    const fakeId = uuidv7();
    await pool.query("INSERT INTO devices (id, organisation_id, user_id, name) VALUES ($1, $2, $3, 'x')", [
      fakeId,
      org,
      au,
    ]);
    await pool.query(
      'INSERT INTO device_public_keys (device_id, organisation_id, public_key, created_at) VALUES ($1, $2, $3, now())',
      [fakeId, org, evilPub],
    );
    const v =
      Number((await pool.query('SELECT version FROM key_rosters WHERE organisation_id = $1', [org])).rows[0].version) +
      1;
    const sealed = sealRoster(
      [
        {
          deviceId: fakeId,
          publicKey: evilPub,
          userId: au,
          admittedBy: fakeId,
          how: 'code',
          admittedAt: new Date().toISOString(),
          removedAt: null,
        },
      ],
      org,
      1,
      stolen1,
      v,
    );
    await pool.query('UPDATE key_rosters SET epoch = 1, version = $2, sealed = $3 WHERE organisation_id = $1', [
      org,
      v,
      sealed,
    ]);
    await manager.client.syncNow();
    const w = (await pool.query('SELECT epoch FROM wrapped_keys WHERE device_id = $1', [fakeId])).rows;
    expect(w).toEqual([]);
    // The forged entry never reaches the manager's own roster, so no later rotation wraps to it either.
    await pool.query('UPDATE organisations SET key_rotation_due = true WHERE id = $1', [org]);
    await manager.client.syncNow();
    expect(keyOf(manager, 3)).not.toBeNull();
    expect((await pool.query('SELECT epoch FROM wrapped_keys WHERE device_id = $1', [fakeId])).rows).toEqual([]);
  });
});

describe('a manager’s sign-in without the key, against the roster and waiting laptops', () => {
  let service: Service;
  let manager: Device;
  let rogue: Device;
  beforeEach(async () => {
    service = await startService({ keys: true });
    const mu = await ops.createUser(service.db.pool, service.org, 'Maya Manager', 'maya@example.org', 'manager');
    manager = await service.enrolledDevice(mu);
    await manager.client.syncNow();
    rogue = await service.enrolledDevice(
      await ops.createUser(service.db.pool, service.org, 'Rory Manager', 'rory@example.org', 'manager'),
    );
    await rogue.client.syncNow();
  });
  afterEach(() => service.close());

  it('cannot set the roster version out of reach of every other manager', async () => {
    const sealed = randomKey().toString('base64url');
    const far = await rawPost(service, rogue, '/v1/keys/roster', {
      epoch: 1,
      version: Number.MAX_SAFE_INTEGER,
      sealed,
    });
    expect(far.status).toBe(409);
    const version = Number(
      (await service.db.pool.query('SELECT version FROM key_rosters WHERE organisation_id = $1', [service.org])).rows[0]
        .version,
    );
    expect(version).toBeLessThan(10);
  });

  it('cannot block a waiting laptop with junk wraps put there first', async () => {
    const au = await ops.createUser(service.db.pool, service.org, 'Ann', 'ann@example.org', 'advocate');
    const { code } = await issueLaptopCode(laptopsCtx(manager), au);
    const ann = await connectWith(service, code);
    await ann.client.syncNow();
    const annId = ann.client.account()!.device_id;
    const junk = Buffer.concat([randomKey(), randomKey(), randomKey().subarray(0, 16)]).toString('base64url');
    const put = await rawPost(service, rogue, '/v1/keys/wraps', {
      wraps: [{ epoch: 1, deviceId: annId, wrapped: junk, proof: randomKey().toString('base64url') }],
    });
    expect(put.status).toBe(403);
    // Nor pass as a key holder by wrapping junk to itself while a manager's laptop holds the key.
    const self = await rawPost(service, rogue, '/v1/keys/wraps', {
      wraps: [
        {
          epoch: 1,
          deviceId: rogue.client.account()!.device_id,
          wrapped: junk,
          proof: randomKey().toString('base64url'),
        },
      ],
    });
    expect(self.status).toBe(403);
    await manager.client.syncNow();
    await ann.client.syncNow();
    expect(keyOf(ann, 1)).toBe(keyOf(manager, 1));
  });
});

describe('recovery while a manager’s laptop still holds the key', () => {
  let service: Service;
  afterEach(() => service.close());

  it('is refused, in words that say what to do, and gives the recovering laptop nothing', async () => {
    service = await startService({ keys: true });
    const mu = await ops.createUser(service.db.pool, service.org, 'Maya Manager', 'maya@example.org', 'manager');
    const manager = await service.enrolledDevice(mu);
    await manager.client.syncNow();
    const fresh = await service.enrolledDevice(mu);
    await fresh.client.syncNow();
    await expect(restoreFromRecovery(laptopsCtx(fresh), recoveryToPrint(manager.db)!)).rejects.toThrow(
      /still holds your organisation’s key/,
    );
    const id = fresh.client.account()!.device_id;
    expect((await service.db.pool.query('SELECT 1 FROM wrapped_keys WHERE device_id = $1', [id])).rows).toEqual([]);
  });
});
