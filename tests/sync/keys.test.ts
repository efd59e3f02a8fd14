import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deviceWrapInfo, publicKeyFromSeed, unwrapKey, wrapKey } from '../../electron/core/e2e/hpke-wrap';
import { approveLaptop, issueLaptopCode, listLaptops, setLaptopStatus } from '../../electron/core/e2e/laptops';
import { recoveryToPrint } from '../../electron/core/e2e/local-state';
import { e2eMode } from '../../electron/core/e2e/mode';
import { orgKeyFor } from '../../electron/core/e2e/keyring';
import { openRoster } from '../../electron/core/e2e/roster';
import { restoreFromRecovery } from '../../electron/core/e2e/recovery';
import { uuidv7 } from '../../shared/domain/ids';
import * as ops from '../../server/admin/ops';
import type { Transport } from '../../electron/core/sync/transport';
import { Device, startService, type Service } from './harness';
import { admitWaitingLaptops, connectWith, keyOf, laptopsCtx, randomKey, rawPost, seedOf } from './keys-helpers';

let service: Service;
let managerUser: string;
let manager: Device;

beforeEach(async () => {
  service = await startService({ keys: true });
  managerUser = await ops.createUser(service.db.pool, service.org, 'Maya Manager', 'maya@example.org', 'manager');
  manager = await service.enrolledDevice(managerUser);
  await manager.client.syncNow();
});
afterEach(() => service.close());

async function advocateUser(name: string): Promise<string> {
  return ops.createUser(
    service.db.pool,
    service.org,
    name,
    `${name.toLowerCase().replace(/\W/g, '')}@example.org`,
    'advocate',
  );
}

/** A laptop for `userId` enrolled with a code the manager's laptop issued, and given the key. */
async function admitted(userId: string): Promise<Device> {
  const { code } = await issueLaptopCode(laptopsCtx(manager), userId);
  const d = await connectWith(service, code);
  await d.client.syncNow();
  await manager.client.syncNow();
  await d.client.syncNow();
  return d;
}

async function wrapsOnService(deviceId: string): Promise<{ epoch: number; wrapped: string }[]> {
  return (
    await service.db.pool.query('SELECT epoch, wrapped FROM wrapped_keys WHERE device_id = $1 ORDER BY epoch', [
      deviceId,
    ])
  ).rows;
}

describe('organisation keys', () => {
  it('the first manager’s laptop makes epoch 1 and a recovery key, and the service holds neither', async () => {
    const key = keyOf(manager, 1);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(e2eMode(manager.db)).toBe('sealed');
    const recovery = recoveryToPrint(manager.db);
    expect(recovery).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    const dump = JSON.stringify(
      (
        await service.db.pool.query(
          'SELECT row_to_json(x) AS r FROM (SELECT * FROM wrapped_keys) x UNION ALL SELECT row_to_json(y) FROM (SELECT * FROM recovery_keys) y UNION ALL SELECT row_to_json(z) FROM (SELECT * FROM recovery_wraps) z',
        )
      ).rows,
    );
    expect(dump).not.toContain(key);
    expect(dump).not.toContain(Buffer.from(key!, 'hex').toString('base64url'));
    expect(dump).not.toContain(recovery!.replace(/-/g, ''));
  });

  it('an advocate admitted by a manager-issued code gets the same key; the secret never reaches the service', async () => {
    const user = await advocateUser('Ann Advocate');
    const { code, expiresAt } = await issueLaptopCode(laptopsCtx(manager), user);
    expect(code).toMatch(/^[A-Z0-9-]+ · secret [A-Z0-9-]+$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const secret = code.split('secret ')[1]!;
    const laptop = await connectWith(service, code);
    await laptop.client.syncNow();
    expect(e2eMode(laptop.db)).toBe('waiting');
    expect(keyOf(laptop, 1)).toBeNull();
    await manager.client.syncNow();
    await laptop.client.syncNow();
    expect(keyOf(laptop, 1)).toBe(keyOf(manager, 1));
    expect(e2eMode(laptop.db)).toBe('sealed');
    const everything =
      JSON.stringify(
        (
          await service.db.pool.query(
            "SELECT string_agg(row_to_json(t)::text, ',') AS s FROM (SELECT * FROM enrolment_codes) t",
          )
        ).rows,
      ) +
      JSON.stringify((await service.db.pool.query('SELECT * FROM device_public_keys')).rows) +
      JSON.stringify((await service.db.pool.query('SELECT * FROM audit')).rows);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(secret.replace(/-/g, ''));
  });

  it('a laptop the service invents is never given the key, even with forged wrapped keys beside it', async () => {
    const pool = service.db.pool;
    const user = await advocateUser('Ivan Invented');
    const fakeId = uuidv7();
    const fakeSeed = randomKey();
    const fakePublic = (await publicKeyFromSeed(fakeSeed)).toString('base64url');
    await pool.query(
      "INSERT INTO devices (id, organisation_id, user_id, name) VALUES ($1, $2, $3, 'not a real laptop')",
      [fakeId, service.org, user],
    );
    await pool.query(
      'INSERT INTO device_public_keys (device_id, organisation_id, public_key, created_at) VALUES ($1, $2, $3, now())',
      [fakeId, service.org, fakePublic],
    );
    // The service's own key, made to look as if the manager had wrapped it.
    await pool.query(
      'INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, proof, wrapped_by, created_at) VALUES ($1, 1, $2, $3, $4, $5, now())',
      [
        service.org,
        fakeId,
        await wrapKey(Buffer.from(fakePublic, 'base64url'), deviceWrapInfo(service.org, 1, fakeId), randomKey()),
        randomKey().toString('base64url'),
        manager.client.account()!.device_id,
      ],
    );
    await pool.query('UPDATE organisations SET key_rotation_due = true WHERE id = $1', [service.org]);
    await manager.client.syncNow();
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).not.toBeNull();
    const held = [keyOf(manager, 1), keyOf(manager, 2)];
    for (const w of await wrapsOnService(fakeId)) {
      const opened = await unwrapKey(fakeSeed, deviceWrapInfo(service.org, w.epoch, fakeId), w.wrapped);
      expect(held).not.toContain(opened?.toString('hex'));
    }
    // Seen by the manager only as a laptop waiting for a fingerprint check.
    const view = (await listLaptops(laptopsCtx(manager))).laptops.find((l) => l.deviceId === fakeId)!;
    expect(view).toMatchObject({ waiting: true, holdsKey: false });
  });

  it('a laptop refuses a key the service wraps for it itself', async () => {
    const laptop = await admitted(await advocateUser('Ann Advocate'));
    const id = laptop.client.account()!.device_id;
    const pk = await publicKeyFromSeed(seedOf(laptop));
    await service.db.pool.query(
      'INSERT INTO key_epochs (organisation_id, epoch, created_by, created_at) VALUES ($1, 2, $2, now())',
      [service.org, id],
    );
    await service.db.pool.query(
      'INSERT INTO wrapped_keys (organisation_id, epoch, device_id, wrapped, proof, wrapped_by, created_at) VALUES ($1, 2, $2, $3, $4, $2, now())',
      [
        service.org,
        id,
        await wrapKey(pk, deviceWrapInfo(service.org, 2, id), randomKey()),
        randomKey().toString('base64url'),
      ],
    );
    await laptop.client.syncNow();
    expect(keyOf(laptop, 2)).toBeNull();
    expect(keyOf(laptop, 1)).toBe(keyOf(manager, 1));
  });

  it('a tag made with the wrong secret is refused and the laptop is flagged', async () => {
    const user = await advocateUser('Ann Advocate');
    const { code } = await issueLaptopCode(laptopsCtx(manager), user);
    const [servicePart] = code.split(' · ');
    const laptop = await connectWith(service, `${servicePart} · secret AAAA-BBBB-CCCC-DDDD`);
    await laptop.client.syncNow();
    await manager.client.syncNow();
    await laptop.client.syncNow();
    expect(keyOf(laptop, 1)).toBeNull();
    const view = (await listLaptops(laptopsCtx(manager))).laptops.find(
      (l) => l.deviceId === laptop.client.account()!.device_id,
    )!;
    expect(view).toMatchObject({ waiting: true, tagRefused: true, holdsKey: false });
    await expect(approveLaptop(laptopsCtx(manager), view.deviceId, view.fingerprint!)).rejects.toThrow(
      /did not match the code you issued/,
    );
    expect(await wrapsOnService(view.deviceId)).toEqual([]);
  });

  it('a laptop connected with another manager’s code is let in by that manager’s laptop, not by comparing codes elsewhere', async () => {
    const second = await service.enrolledDevice(
      await ops.createUser(service.db.pool, service.org, 'Second Manager', 'm2@example.org', 'manager'),
    );
    await second.client.syncNow();
    await admitWaitingLaptops(manager);
    await second.client.syncNow();
    expect(keyOf(second, 1)).toBe(keyOf(manager, 1));
    const { code } = await issueLaptopCode(laptopsCtx(second), await advocateUser('Ann Advocate'));
    const laptop = await connectWith(service, code);
    await laptop.client.syncNow();
    const id = laptop.client.account()!.device_id;
    const view = (await listLaptops(laptopsCtx(manager))).laptops.find((l) => l.deviceId === id)!;
    expect(view).toMatchObject({ waiting: true, tagRefused: false });
    await expect(approveLaptop(laptopsCtx(manager), id, view.fingerprint!)).rejects.toThrow(/another manager’s laptop/);
    await second.client.syncNow();
    await laptop.client.syncNow();
    expect(keyOf(laptop, 1)).toBe(keyOf(manager, 1));
  });

  it('a laptop enrolled after two rotations holds all three epochs; revoked laptops hold nothing made after', async () => {
    const first = await admitted(await advocateUser('First Advocate'));
    const firstId = first.client.account()!.device_id;
    await setLaptopStatus(laptopsCtx(manager), firstId, 'revoke');
    await manager.client.syncNow();
    const second = await admitted(await advocateUser('Second Advocate'));
    expect(keyOf(second, 2)).toBe(keyOf(manager, 2));
    const secondId = second.client.account()!.device_id;
    await ops.setDeviceStatus(service.db.pool, secondId, 'wipe');
    await manager.client.syncNow();
    expect(keyOf(manager, 3)).not.toBeNull();
    const third = await admitted(await advocateUser('Third Advocate'));
    for (const e of [1, 2, 3]) expect(keyOf(third, e)).toBe(keyOf(manager, e));
    expect((await wrapsOnService(firstId)).map((w) => w.epoch)).toEqual([1]);
    expect((await wrapsOnService(secondId)).map((w) => w.epoch)).toEqual([1, 2]);
    for (const w of await wrapsOnService(firstId)) expect(w.epoch).toBe(1);
  });

  it('a laptop the service brings back after its revocation is given no later key', async () => {
    const laptop = await admitted(await advocateUser('Ann Advocate'));
    const id = laptop.client.account()!.device_id;
    await ops.setDeviceStatus(service.db.pool, id, 'revoked');
    await manager.client.syncNow();
    expect(keyOf(manager, 2)).not.toBeNull();
    // The service says the laptop is active again and asks for another rotation.
    await service.db.pool.query("UPDATE devices SET status = 'active' WHERE id = $1", [id]);
    await service.db.pool.query('UPDATE organisations SET key_rotation_due = true WHERE id = $1', [service.org]);
    await manager.client.syncNow();
    await manager.client.syncNow();
    expect(keyOf(manager, 3)).not.toBeNull();
    expect((await wrapsOnService(id)).map((w) => w.epoch)).toEqual([1]);
    await laptop.client.syncNow();
    expect([keyOf(laptop, 2), keyOf(laptop, 3)]).toEqual([null, null]);
  });

  it('a roster the service replaces with its own is not taken in, and managers carry on', async () => {
    await service.db.pool.query('UPDATE key_rosters SET version = 999, sealed = $2 WHERE organisation_id = $1', [
      service.org,
      randomKey().toString('base64url'),
    ]);
    const laptop = await admitted(await advocateUser('Ann Advocate'));
    expect(keyOf(laptop, 1)).toBe(keyOf(manager, 1));
    expect(
      (await service.db.pool.query('SELECT version FROM key_rosters WHERE organisation_id = $1', [service.org])).rows[0]
        .version,
    ).toBe('1000');
  });

  it('laptops the admin command line enrolled are let in by a manager comparing codes (admitWaitingLaptops)', async () => {
    const a = await service.enrolledDevice(await advocateUser('Amy Advocate'));
    const b = await service.enrolledDevice(await advocateUser('Ben Advocate'));
    await a.client.syncNow();
    await b.client.syncNow();
    expect(await admitWaitingLaptops(manager)).toBe(2);
    await a.client.syncNow();
    await b.client.syncNow();
    expect([keyOf(a, 1), keyOf(b, 1)]).toEqual([keyOf(manager, 1), keyOf(manager, 1)]);
  });

  it('a laptop enrolled by the admin command line is admitted only when the manager approves its fingerprint', async () => {
    const laptop = await service.enrolledDevice(await advocateUser('Cli Advocate'));
    await laptop.client.syncNow();
    await manager.client.syncNow();
    const id = laptop.client.account()!.device_id;
    const view = (await listLaptops(laptopsCtx(manager))).laptops.find((l) => l.deviceId === id)!;
    expect(view.waiting).toBe(true);
    await expect(approveLaptop(laptopsCtx(manager), id, 'AAAA-AAAA-AAAA')).rejects.toThrow(/code has changed/);
    await approveLaptop(laptopsCtx(manager), id, view.fingerprint!);
    await laptop.client.syncNow();
    expect(keyOf(laptop, 1)).toBe(keyOf(manager, 1));
  });

  it('with every manager’s laptop gone, the recovery key makes a new laptop a key holder', async () => {
    const recovery = recoveryToPrint(manager.db)!;
    const advocate = await admitted(await advocateUser('Ann Advocate'));
    await setLaptopStatus(laptopsCtx(manager), advocate.client.account()!.device_id, 'revoke');
    await manager.client.syncNow();
    const keys = [keyOf(manager, 1), keyOf(manager, 2)];
    await ops.setDeviceStatus(service.db.pool, manager.client.account()!.device_id, 'wipe');
    manager.dispose();
    service.devices.splice(service.devices.indexOf(manager), 1);
    const fresh = await service.enrolledDevice(managerUser);
    await fresh.client.syncNow();
    expect(e2eMode(fresh.db)).toBe('waiting');
    await expect(restoreFromRecovery(laptopsCtx(fresh), 'AAAA'.repeat(13))).rejects.toThrow(
      /not your organisation’s recovery key/,
    );
    expect(await restoreFromRecovery(laptopsCtx(fresh), recovery.toLowerCase())).toEqual({ epochs: 2 });
    expect([keyOf(fresh, 1), keyOf(fresh, 2)]).toEqual(keys);
    // The lost manager's laptop held the current key, so the new one rotates and admits others again.
    await fresh.client.syncNow();
    expect(keyOf(fresh, 3)).not.toBeNull();
    manager = fresh;
    const next = await admitted(await advocateUser('Next Advocate'));
    expect(keyOf(next, 3)).toBe(keyOf(fresh, 3));
  });
});

describe('who may call the keys endpoints', () => {
  it('an advocate’s token cannot call a manager’s endpoint, nor read anyone’s keys but its own', async () => {
    const advocate = await admitted(await advocateUser('Ann Advocate'));
    const someone = manager.client.account()!.device_id;
    const calls: [string, object][] = [
      [
        '/v1/keys/epochs',
        { epoch: 2, wraps: [{ epoch: 2, deviceId: someone, wrapped: 'A'.repeat(107), proof: 'A'.repeat(43) }] },
      ],
      ['/v1/keys/wraps', { wraps: [{ epoch: 1, deviceId: someone, wrapped: 'A'.repeat(107), proof: 'A'.repeat(43) }] }],
      ['/v1/keys/roster', { epoch: 1, version: 99, sealed: 'AAAA' }],
      ['/v1/keys/codes', { userId: managerUser }],
      ['/v1/keys/users', {}],
      ['/v1/keys/laptops', {}],
      ['/v1/keys/laptop-status', { deviceId: someone, action: 'wipe' }],
    ];
    for (const [url, body] of calls) expect((await rawPost(service, advocate, url, body)).status, url).toBe(403);
    const status = (await rawPost(service, advocate, '/v1/keys/status', {})).body;
    expect(status).not.toHaveProperty('devices');
    expect(status).not.toHaveProperty('recoveryWraps');
    expect((status.myWraps as unknown[]).length).toBe(1);
    expect((await service.db.pool.query('SELECT status FROM devices WHERE id = $1', [someone])).rows[0].status).toBe(
      'active',
    );
  });

  it('another organisation’s manager sees and changes nothing of this one', async () => {
    const advocate = await admitted(await advocateUser('Ann Advocate'));
    const otherOrg = await ops.createOrganisation(service.db.pool, 'Other Service');
    const otherManager = await service.enrolledDevice(
      await ops.createUser(service.db.pool, otherOrg, 'Olga', 'olga@example.org', 'manager'),
    );
    await otherManager.client.syncNow();
    const listed = await listLaptops(laptopsCtx(otherManager));
    expect(listed.laptops.map((l) => l.name)).toEqual(['test laptop']);
    expect(listed.users.map((u) => u.name)).toEqual(['Olga']);
    const target = advocate.client.account()!.device_id;
    const wrapped = await wrapKey(
      await publicKeyFromSeed(seedOf(advocate)),
      deviceWrapInfo(service.org, 1, target),
      randomKey(),
    );
    expect(
      (
        await rawPost(service, otherManager, '/v1/keys/wraps', {
          wraps: [{ epoch: 1, deviceId: target, wrapped, proof: 'A'.repeat(43) }],
        })
      ).status,
    ).toBe(400);
    expect(
      (await rawPost(service, otherManager, '/v1/keys/laptop-status', { deviceId: target, action: 'wipe' })).status,
    ).toBe(404);
    expect((await rawPost(service, otherManager, '/v1/keys/codes', { userId: managerUser })).status).toBe(404);
    const status = (await rawPost(service, otherManager, '/v1/keys/status', {})).body as {
      devices: { deviceId: string }[];
      currentEpoch: number;
    };
    expect(status.devices.map((d) => d.deviceId)).toEqual([otherManager.client.account()!.device_id]);
    expect(status.currentEpoch).toBe(1);
    expect(keyOf(otherManager, 1)).not.toBe(keyOf(manager, 1));
    expect((await wrapsOnService(target)).length).toBe(1);
  });
});

describe('keys endpoints under load', () => {
  it('a laptop asking for its keys too often is asked to wait, like push and pull', async () => {
    const busy = await startService({ keys: true, deviceRateLimits: { keys: { burst: 2, perMinute: 1 } } });
    try {
      const laptop = await busy.enrolledDevice(
        await ops.createUser(busy.db.pool, busy.org, 'Ann', 'ann@example.org', 'advocate'),
      );
      await laptop.client.syncNow();
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push((await rawPost(busy, laptop, '/v1/keys/status', {})).status);
      expect(answers).toContain(429);
    } finally {
      await busy.close();
    }
  });
});

describe('keys over a network that loses answers', () => {
  it('a first key made while its answer was lost is taken back, with the recovery key that goes with it', async () => {
    const other = await startService({ keys: true });
    try {
      const user = await ops.createUser(other.db.pool, other.org, 'Maya', 'maya@example.org', 'manager');
      let dropEpochAnswer = true;
      const lossy: Transport = async (url, init) => {
        const res = await other.transport(url, init);
        if (dropEpochAnswer && url.endsWith('/v1/keys/epochs')) {
          dropEpochAnswer = false;
          throw new Error('connection reset');
        }
        return res;
      };
      const laptop = await Device.create(lossy);
      other.devices.push(laptop);
      await laptop.enrol(other, user);
      await expect(laptop.client.syncNow()).rejects.toThrow(/could not be reached/);
      expect(keyOf(laptop, 1)).toBeNull();
      const shown = recoveryToPrint(laptop.db)!;
      await laptop.client.syncNow();
      expect(keyOf(laptop, 1)).not.toBeNull();
      expect(recoveryToPrint(laptop.db)).toBe(shown);
      // Recovery is for when every manager's laptop is lost: this one is disconnected first.
      await ops.setDeviceStatus(other.db.pool, laptop.client.account()!.device_id, 'wipe');
      const fresh = await other.enrolledDevice(user);
      await fresh.client.syncNow();
      expect(await restoreFromRecovery(laptopsCtx(fresh), shown)).toEqual({ epochs: 1 });
      expect(keyOf(fresh, 1)).toBe(keyOf(laptop, 1));
    } finally {
      await other.close();
    }
  });

  it('a roster share the service turned away is made again at the next sync', async () => {
    const other = await startService({ keys: true });
    try {
      const user = await ops.createUser(other.db.pool, other.org, 'Maya', 'maya@example.org', 'manager');
      let refuseRoster = true;
      const refusing: Transport = async (url, init) => {
        if (refuseRoster && url.endsWith('/v1/keys/roster')) {
          refuseRoster = false;
          return {
            status: 409,
            json: async () => ({
              v: 1,
              error: { code: 'conflict', message: 'A newer list of laptops is already on the service.' },
            }),
          };
        }
        return other.transport(url, init);
      };
      const laptop = await Device.create(refusing);
      other.devices.push(laptop);
      await laptop.enrol(other, user);
      await laptop.client.syncNow();
      expect((await other.db.pool.query('SELECT count(*)::int AS n FROM key_rosters')).rows[0].n).toBe(0);
      await laptop.client.syncNow();
      const shared = (await other.db.pool.query('SELECT epoch, version::int AS version, sealed FROM key_rosters'))
        .rows[0];
      const entries = openRoster(
        shared.sealed,
        other.org,
        shared.epoch,
        orgKeyFor(laptop.db, shared.epoch)!,
        shared.version,
      );
      expect(entries?.map((e) => e.deviceId)).toEqual([laptop.client.account()!.device_id]);
    } finally {
      await other.close();
    }
  });

  it('a service from before encryption, without the keys endpoints, still syncs in plain mode', async () => {
    // Its own service: one from before encryption has no epochs either (this file's service has,
    // and refuses plain values once it has).
    const old = await startService();
    try {
      const laptop = await old.enrolledDevice(
        await ops.createUser(old.db.pool, old.org, 'Old Service', 'oldservice@example.org', 'advocate'),
      );
      laptop.write('t_cases', 'case-plain', 'case-plain', { name: 'Plain case', status: 'open' });
      await laptop.client.syncNow();
      expect(laptop.outboxCount()).toBe(0);
      expect(e2eMode(laptop.db)).toBe('plain');
    } finally {
      await old.close();
    }
  });
});
