import { performance } from 'node:perf_hooks';
import { lastConversion } from '../../electron/core/sync/convert-plaintext';
import * as ops from '../../server/admin/ops';
import { uuidv7 } from '../../shared/domain/ids';
import { MAX_PUSH_CHANGES, PROTOCOL_VERSION, type OutgoingChange } from '../../shared/sync/protocol';
import { createTestDatabase } from '../server/pg-harness';
import { Device } from '../sync/harness';
import { preEncryption } from '../sync/pre-encryption';
import { startServerProcess } from './service-process';
import type { BenchResult } from './types';

const NOTES = Number(process.env.HEARD_CONVERT_NOTES ?? 10_000);
const FIELDS = ['title', 'body', 'status'] as const;

function notes(n: number, round: number): OutgoingChange[] {
  return Array.from({ length: n * FIELDS.length }, (_, i) => {
    const note = Math.floor(i / FIELDS.length);
    const field = FIELDS[i % FIELDS.length]!;
    return {
      mutationId: uuidv7(),
      entity: 't_notes',
      entityId: `n-${note}`,
      caseId: `01900000-0000-7000-8000-${String(Math.floor(note / 300)).padStart(12, '0')}`,
      field,
      value: `${field} ${i} round ${round}`,
      baseVersion: round,
      hlc: `${String(Date.now()).padStart(15, '0')}-${String(i).padStart(6, '0')}-bench`,
    };
  });
}

/**
 * Converting a service that holds plain values (docs/e2e.md, Converting a service): a manager's
 * laptop seals every current value the service holds and the service strips the plain history,
 * beside the same laptop's first catch-up of the same records, in the same run.
 */
export async function run(): Promise<BenchResult[]> {
  const db = await createTestDatabase();
  const service = await startServerProcess(db.url, {
    HEARD_PUSH_PER_MINUTE: '100000',
    HEARD_PULL_PER_MINUTE: '100000',
  });
  const spent = new Map<string, number>();
  // A service from before encryption until `upgrade()`: the laptop catches up in plain mode first.
  const old = preEncryption(async (u, init) => {
    const t = performance.now();
    try {
      return await fetch(u, init);
    } finally {
      const path = new URL(u).pathname;
      spent.set(path, (spent.get(path) ?? 0) + performance.now() - t);
    }
  });
  const laptop = await Device.create(old.transport);
  try {
    const org = await ops.createOrganisation(db.pool, 'Bench');
    const manager = await ops.createUser(db.pool, org, 'Manager', 'm@example.org', 'manager');
    // An advocate's laptop wrote the records before encryption; the manager's catches up and converts.
    const advocate = await ops.createUser(db.pool, org, 'Advocate', 'a@example.org', 'advocate');
    const { code } = await ops.issueEnrolmentCode(db.pool, advocate);
    const writer = await fetch(`${service.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: PROTOCOL_VERSION, code, deviceName: 'bench' }),
    });
    const token = ((await writer.json()) as { accessToken: string }).accessToken;
    // Two rounds, so there is history to strip as well as current values to seal.
    for (const round of [0, 1]) {
      const rows = notes(NOTES, round);
      for (let i = 0; i < rows.length; i += MAX_PUSH_CHANGES) {
        const r = await fetch(`${service.url}/v1/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ v: PROTOCOL_VERSION, changes: rows.slice(i, i + MAX_PUSH_CHANGES) }),
        });
        if (r.status !== 200) throw new Error(`push answered ${r.status}`);
      }
    }
    await laptop.client.connect(service.url, (await ops.issueEnrolmentCode(db.pool, manager)).code);
    let t0 = performance.now();
    const caughtUp = await laptop.client.syncNow();
    const catchUpMs = performance.now() - t0;

    // Upgraded: the manager's laptop makes the organisation's key at its next sync, then converts.
    old.upgrade();
    t0 = performance.now();
    await laptop.client.syncNow();
    const convertMs = performance.now() - t0;
    const done = lastConversion(laptop.db);
    if (!done?.done) throw new Error('The conversion did not finish.');
    const fields = NOTES * FIELDS.length;
    if (process.env.HEARD_CONVERT_DETAIL)
      console.log(Object.fromEntries([...spent].map(([k, v]) => [k, Math.round(v)])));
    return [
      {
        name: `conversion: ${done.converted} values sealed, ${done.removed} plain values removed (${caughtUp.pulled} changes in the log)`,
        value: fields / (convertMs / 1000),
        unit: 'changes/s',
        baseline: {
          name: `the same laptop's first catch-up of those fields`,
          value: caughtUp.pulled / (catchUpMs / 1000),
        },
      },
      {
        name: 'conversion, whole',
        value: convertMs,
        unit: 'ms',
        baseline: { name: 'first catch-up, whole', value: catchUpMs },
      },
    ];
  } finally {
    laptop.dispose();
    await service.stop();
    await db.drop();
  }
}
