import { randomBytes } from 'node:crypto';
import { approveLaptop, listLaptops, type LaptopsCtx } from '../../electron/core/e2e/laptops';
import { orgKeyFor } from '../../electron/core/e2e/keyring';
import { deviceKeys } from '../../electron/core/e2e/local-state';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { Device, SERVICE_URL, type Service } from './harness';

/** What the Laptops screen's handlers are given, for a laptop in the harness. */
export function laptopsCtx(d: Device): LaptopsCtx {
  return { db: d.db, account: d.client.account()!, call: (fn) => d.client.withService(fn), now: () => new Date() };
}

/** A new laptop connected with a (combined) code, as the connect form would. */
export async function connectWith(service: Service, code: string): Promise<Device> {
  const d = await Device.create(service.transport);
  service.devices.push(d);
  await d.client.connect(SERVICE_URL, code);
  return d;
}

export const keyOf = (d: Device, epoch: number) => orgKeyFor(d.db, epoch)?.toString('hex') ?? null;
export const seedOf = (d: Device) => deviceKeys(d.db)!.seed;

/** A raw signed-in request with a laptop's own access token, as a hostile laptop would send it. */
export async function rawPost(service: Service, d: Device, url: string, body: object) {
  const token = d.client.account()!.access_token!;
  const res = await service.app.inject({
    method: 'POST',
    url,
    payload: { v: PROTOCOL_VERSION, ...body },
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

export const randomKey = () => randomBytes(32);

/**
 * Gives the organisation key to every laptop waiting for it, as a manager comparing fingerprints
 * would: for tests whose laptops are enrolled by the admin command line. Each laptop must have
 * synced once (to send its public key), and takes the key at its next sync. Returns how many.
 */
export async function admitWaitingLaptops(manager: Device): Promise<number> {
  await manager.client.syncNow();
  const { laptops } = await listLaptops(laptopsCtx(manager));
  const waiting = laptops.filter((l) => l.waiting && l.fingerprint);
  for (const l of waiting) await approveLaptop(laptopsCtx(manager), l.deviceId, l.fingerprint!);
  return waiting.length;
}
