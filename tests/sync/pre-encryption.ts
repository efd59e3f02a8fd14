import type { Transport } from '../../electron/core/sync/transport';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { TestCore } from '../helpers/test-core';

/**
 * A service from before encryption, as laptops meet it: its keys endpoints answer 404 (so laptops
 * keep working in plain mode, docs/e2e.md) until `upgrade()`, after which the first manager's
 * laptop to sync makes the organisation's key.
 */
export function preEncryption(inner: Transport): { transport: Transport; upgrade(): void } {
  let upgraded = false;
  const missing = {
    status: 404,
    json: async () => ({ v: PROTOCOL_VERSION, error: { code: 'not_found', message: 'No such endpoint.' } }),
    headers: { get: () => null },
  };
  return {
    transport: (url, init) =>
      !upgraded && new URL(url).pathname.startsWith('/v1/keys/') ? Promise.resolve(missing) : inner(url, init),
    upgrade() {
      upgraded = true;
    },
  };
}

/** Gives the key to every laptop waiting for it, from a manager's Laptops screen (fingerprints compared). */
export async function admitAllFrom(manager: TestCore): Promise<number> {
  await manager.call('sync.now', {});
  const { laptops } = await manager.call('laptops.list', {});
  const waiting = laptops.filter((l) => l.waiting && l.fingerprint);
  for (const l of waiting) await manager.call('laptops.approve', { deviceId: l.deviceId, fingerprint: l.fingerprint! });
  return waiting.length;
}
