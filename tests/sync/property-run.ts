import fc from 'fast-check';
import type { Pool } from 'pg';
import * as ops from '../../server/admin/ops';
import type { FaultyNetwork } from './faulty-network';
import { SERVICE_URL, type Device } from './harness';

/** What the network and the laptops' sync buttons do in the property tests, besides editing. */
export type NetworkAction = { t: 'sync'; d: number } | { t: 'partition'; d: number } | { t: 'heal'; d: number } | { t: 'late' };

const device = fc.integer({ min: 0, max: 2 });

/** Weighted choices for the network's moves, to mix with a test's own actions in `fc.oneof`. */
export const networkActions = [
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), d: device }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('partition' as const), d: device }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('heal' as const), d: device }) },
  { weight: 1, arbitrary: fc.constant({ t: 'late' as const }) },
];

/** Carries out a network move: a sync that may fail, a partition, a heal, or a delayed request arriving. */
export async function runNetworkAction(a: NetworkAction, devices: readonly Device[], net: FaultyNetwork): Promise<void> {
  if (a.t === 'sync') await devices[a.d]!.client.syncNow().catch(() => {});
  else if (a.t === 'partition') net.partitioned.add(a.d);
  else if (a.t === 'heal') net.partitioned.delete(a.d);
  else await net.deliverLate(1);
}

/** Each device as a fresh store on its own link of the network, connected as the user at its index. */
export async function connectDevices(pool: Pool, devices: readonly Device[], users: readonly string[], net: FaultyNetwork): Promise<void> {
  for (const [i, d] of devices.entries()) {
    d.reset(net.forDevice(i));
    const { code } = await ops.issueEnrolmentCode(pool, users[i]!);
    await d.client.connect(SERVICE_URL, code);
  }
}

/** Healing: everything delayed arrives, the network is clean, and every device syncs until quiet. */
export async function heal(devices: readonly Device[], net: FaultyNetwork, between: () => Promise<unknown> = async () => {}): Promise<void> {
  net.partitioned.clear();
  await net.deliverLate();
  net.faults = false;
  for (let round = 0; round < 3; round++) {
    for (const d of devices) await d.client.syncNow();
    await between();
  }
}
