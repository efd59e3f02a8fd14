import fc from 'fast-check';
import { expect } from 'vitest';
import type { Pool } from 'pg';
import * as ops from '../../server/admin/ops';
import type { FaultyNetwork } from './faulty-network';
import { valueReader, type TestOrgKey } from './e2e-setup';
import { SERVICE_URL, type Device } from './harness';

/** What the network and the laptops' sync buttons do in the property tests, besides editing. */
export type NetworkAction =
  { t: 'sync'; d: number } | { t: 'partition'; d: number } | { t: 'heal'; d: number } | { t: 'late' };

const device = fc.integer({ min: 0, max: 2 });

/** Weighted choices for the network's moves, to mix with a test's own actions in `fc.oneof`. */
export const networkActions = [
  { weight: 4, arbitrary: fc.record({ t: fc.constant('sync' as const), d: device }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('partition' as const), d: device }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('heal' as const), d: device }) },
  { weight: 1, arbitrary: fc.constant({ t: 'late' as const }) },
];

/** Carries out a network move: a sync that may fail, a partition, a heal, or a delayed request arriving. */
export async function runNetworkAction(
  a: NetworkAction,
  devices: readonly Device[],
  net: FaultyNetwork,
): Promise<void> {
  if (a.t === 'sync') await devices[a.d]!.client.syncNow().catch(() => {});
  else if (a.t === 'partition') net.partitioned.add(a.d);
  else if (a.t === 'heal') net.partitioned.delete(a.d);
  else await net.deliverLate(1);
}

/**
 * Each device as a fresh store on its own link of the network, connected as the user at its index.
 * With `e2e`, the organisation has a key and every laptop holds it, so every value but deleted_at
 * travels and rests sealed.
 */
export async function connectDevices(
  pool: Pool,
  devices: readonly Device[],
  users: readonly string[],
  net: FaultyNetwork,
  e2e: TestOrgKey | null = null,
): Promise<void> {
  for (const [i, d] of devices.entries()) {
    d.reset(net.forDevice(i));
    const { code } = await ops.issueEnrolmentCode(pool, users[i]!);
    await d.client.connect(SERVICE_URL, code);
  }
  if (e2e) {
    const org = await pool.query<{ organisation_id: string }>('SELECT organisation_id FROM users WHERE id = $1', [
      users[0],
    ]);
    await e2e.enable(pool, org.rows[0]!.organisation_id, devices);
  }
}

/** Healing: everything delayed arrives, the network is clean, and every device syncs until quiet. */
export async function heal(
  devices: readonly Device[],
  net: FaultyNetwork,
  between: () => Promise<unknown> = async () => {},
): Promise<void> {
  net.partitioned.clear();
  await net.deliverLate();
  net.faults = false;
  for (let round = 0; round < 3; round++) {
    for (const d of devices) await d.client.syncNow();
    await between();
  }
}

/** Faults the network injected over every run of a property, so a test can show they happened. */
export interface FaultTotals {
  dropped: number;
  lostReplies: number;
  duplicated: number;
  delayed: number;
}

export const noFaults = (): FaultTotals => ({ dropped: 0, lostReplies: 0, duplicated: 0, delayed: 0 });

export function addFaults(totals: FaultTotals, net: FaultyNetwork): void {
  for (const k of ['dropped', 'lostReplies', 'duplicated', 'delayed'] as const) totals[k] += net.stats[k];
}

/** A property that held on a network that never failed would prove little: requests were lost, repeated and reordered. */
export function expectFaultsHappened(totals: FaultTotals): void {
  expect(totals.dropped + totals.lostReplies, 'requests or replies lost').toBeGreaterThan(0);
  expect(totals.duplicated, 'requests repeated').toBeGreaterThan(0);
  // A delayed request reaches the service after later ones: a reordering.
  expect(totals.delayed, 'requests reordered').toBeGreaterThan(0);
}

/**
 * An acknowledgement that changed nothing carries the service's value: `noop` the very value the
 * device sent (it was already there), `superseded` a value the same device wrote to the same field
 * (its own later edit, which got there first).
 */
export async function expectUnchangedOutcomesCarryValues(
  pool: Pool,
  org: string,
  devices: readonly Device[],
  e2e: TestOrgKey | null = null,
): Promise<{ noop: number; superseded: number }> {
  const seen = { noop: 0, superseded: 0 };
  const read = valueReader(e2e, org);
  for (const d of devices) {
    const ids = d.written.map((w) => w.mutationId);
    const rows = await pool.query<{
      mutation_id: string;
      kind: string;
      entity: string;
      entity_id: string;
      field: string;
      case_id: string | null;
      value: unknown;
    }>(
      "SELECT mutation_id, kind, entity, entity_id, field, case_id, value FROM changes WHERE organisation_id = $1 AND mutation_id = ANY($2::uuid[]) AND kind IN ('noop', 'superseded')",
      [org, ids],
    );
    const byId = new Map(rows.rows.map((r) => [r.mutation_id, { ...r, value: read(r) }]));
    for (const w of d.written) {
      const row = byId.get(w.mutationId);
      if (!row) continue;
      const sent = JSON.parse(w.value ?? 'null') as unknown;
      if (row.kind === 'noop') {
        seen.noop++;
        expect(row.value, `noop ${w.mutationId}`).toEqual(sent);
      } else {
        seen.superseded++;
        const own = d.written
          .filter(
            (o) =>
              o.mutationId !== w.mutationId &&
              o.entity === w.entity &&
              o.entityId === w.entityId &&
              o.field === w.field,
          )
          .map((o) => JSON.parse(o.value ?? 'null') as unknown);
        expect(own, `superseded ${w.mutationId}`).toContainEqual(row.value);
      }
    }
  }
  return seen;
}
