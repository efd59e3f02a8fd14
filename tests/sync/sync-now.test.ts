import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import type { Transport } from '../../electron/core/sync/transport';
import { Device, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000b7';

describe('"Sync now" while a sync is already running', () => {
  let service: Service;
  let laptop: Device;
  let holdPull: Promise<void> | null = null;
  let pullReached: () => void = () => {};

  beforeAll(async () => {
    service = await startService();
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    // Holds the first pull of a run until released, so an edit can be made after the run has pushed.
    const gated: Transport = async (url, init) => {
      if (url.endsWith('/v1/pull') && holdPull) {
        const wait = holdPull;
        holdPull = null;
        pullReached();
        await wait;
      }
      return service.transport(url, init);
    };
    laptop = await Device.create(gated);
    await laptop.enrol(service, alice);
  });
  afterAll(async () => {
    laptop.dispose();
    await service.close();
  });

  it('sends an edit made after that sync had already sent its changes', async () => {
    laptop.write('t_cases', CASE, CASE, { name: 'Case S' });
    let release: () => void = () => {};
    holdPull = new Promise<void>((r) => (release = r));
    const reached = new Promise<void>((r) => (pullReached = r));
    const background = laptop.client.syncNow();
    await reached;
    laptop.write('t_cases', CASE, CASE, { status: 'open' });
    const clicked = laptop.client.syncNow();
    const again = laptop.client.syncNow();
    expect(again).toBe(clicked);
    release();
    await background;
    expect(laptop.outboxCount()).toBe(1);
    await clicked;
    expect(laptop.outboxCount()).toBe(0);
    const status = await service.db.pool.query(
      "SELECT value FROM field_state WHERE entity_id = $1 AND field = 'status'",
      [CASE],
    );
    expect(status.rows).toEqual([{ value: 'open' }]);
  });
});
