import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import type { Transport } from '../../electron/core/sync/transport';
import { syncMessageKind } from '../../electron/core/sync/notices';
import { AppError } from '../../shared/ipc/errors';
import { syncProblemText } from '../../renderer/src/features/sync/status-text';
import { Device, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000c1';

describe('a laptop the service asks to slow down', () => {
  let service: Service;
  let laptop: Device;
  const sent: string[] = [];

  beforeAll(async () => {
    service = await startService({
      deviceRateLimits: { push: { burst: 1, perMinute: 1 }, pull: { burst: 1, perMinute: 1 } },
    });
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    await ops.allocate(service.db.pool, service.org, CASE, alice);
    const counting: Transport = (url, init) => {
      sent.push(new URL(url).pathname);
      return service.transport(url, init);
    };
    laptop = await Device.create(counting);
    await laptop.enrol(service, alice);
  });
  afterAll(() => service.close());

  it('stops when told, says so in plain words, keeps its changes, and sends nothing before the time the service gave', async () => {
    laptop.write('t_notes', 'n1', CASE, { title: 'Visit' });
    await laptop.client.syncNow();
    laptop.write('t_notes', 'n1', CASE, { title: 'Visit, notes typed up' });
    // One push and one pull a minute: the second run's push is one too many.
    const refused = await laptop.client.syncNow().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).retryAfterMs).toBeGreaterThan(0);
    const status = laptop.client.account()!.last_error!;
    expect(status).toMatch(
      /^The service is busy and asked this computer to wait before syncing again\. Heard will try again at \d\d:\d\d\.$/,
    );
    expect(syncProblemText(status, syncMessageKind(status))).toMatch(/will be sent when sync works again\.$/);

    const before = sent.length;
    await expect(laptop.client.syncNow()).rejects.toThrow(/asked this computer to wait/);
    expect(sent.length).toBe(before);
    // Nothing typed is lost: the edit waits on the laptop to be sent.
    expect(laptop.row('t_notes', 'n1')!.title).toBe('Visit, notes typed up');
    expect(laptop.outboxCount()).toBe(1);
    const onService = await service.db.pool.query(
      "SELECT value FROM field_state WHERE entity_id = 'n1' AND field = 'title'",
    );
    expect(onService.rows).toEqual([{ value: 'Visit' }]);
  });
});

/** New case ids are UUIDs: the service refuses any other id for a new case. */
const FIRST = '01900000-0000-7000-8000-0000000000f1';
const SECOND = '01900000-0000-7000-8000-0000000000f2';

describe('what the service did not take, in the sync status', () => {
  let service: Service;
  let laptop: Device;

  beforeAll(async () => {
    service = await startService({ accessLimits: { newCasesPerHour: 1 } });
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    const bilal = await ops.createUser(service.db.pool, service.org, 'Bilal', 'bilal@example.org', 'advocate');
    await ops.allocate(service.db.pool, service.org, CASE, bilal);
    laptop = await Device.create(service.transport);
    await laptop.enrol(service, alice);
  });
  afterAll(() => service.close());

  it('a new case over the hourly limit waits on the laptop, and the status says it will be sent later', async () => {
    laptop.write('t_cases', FIRST, FIRST, { name: 'First' });
    laptop.write('t_cases', SECOND, SECOND, { name: 'Second' });
    await laptop.client.syncNow();
    expect(laptop.client.account()!.last_error).toBe(
      'The service accepts only so many new cases from one computer in an hour, so 1 change to new cases will be sent later. They are kept on this computer.',
    );
    expect(laptop.outboxCount()).toBe(1);
    const waiting = laptop.client.account()!.last_error!;
    expect(syncProblemText(waiting, syncMessageKind(waiting))).toBe(waiting);
    const held = await service.db.pool.query(
      "SELECT entity_id FROM field_state WHERE entity = 't_cases' ORDER BY entity_id",
    );
    expect(held.rows).toEqual([{ entity_id: FIRST }]);
  });

  it("a change to someone else's case is refused, kept on the laptop, and the status says so without naming anything", async () => {
    // An hour passes, and the case held back by the limit goes.
    await service.db.pool.query("UPDATE case_origins SET created_at = created_at - interval '2 hours'");
    await laptop.client.syncNow();
    expect(laptop.outboxCount()).toBe(0);
    // And another. (Over the limit, a change to a case not held waits like one to a new case:
    // the answer must not tell a case the service knows from one it does not.)
    await service.db.pool.query("UPDATE case_origins SET created_at = created_at - interval '2 hours'");
    laptop.write('t_notes', 'n-other', CASE, { title: 'Typed into the wrong case' });
    await laptop.client.syncNow();
    const status = laptop.client.account()!.last_error!;
    expect(status).toMatch(
      /^The service did not accept 1 change made on this computer: they were to a case not allocated to you/,
    );
    expect(status).not.toContain('Typed');
    // The sync screen says what became of it, and does not promise to send it.
    const shown = syncProblemText(status, syncMessageKind(status))!;
    expect(shown).toContain('Heard will not send it again');
    expect(shown).not.toContain('will be sent when sync works again');
    expect(laptop.row('t_notes', 'n-other')!.title).toBe('Typed into the wrong case');
    expect(laptop.outboxCount()).toBe(0);
  });
});
