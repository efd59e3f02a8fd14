import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { applyPage, COMPACT_DUE_KEY } from '../../electron/core/sync/apply';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { Device, startService, testRegistry, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000c7';

describe('an erasure received from the service', () => {
  let service: Service;
  let laptop: Device;

  beforeAll(async () => {
    service = await startService();
    const alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
    laptop = await Device.create(service.transport);
    await laptop.enrol(service, alice);
    laptop.write('t_cases', CASE, CASE, { name: 'Case C' });
    await laptop.client.syncNow();
  });
  afterAll(async () => {
    laptop.dispose();
    await service.close();
  });

  it('is audited with its page and leaves a compaction due that the next sync carries out, even if this one stops', async () => {
    const audited: string[] = [];
    const cursor = laptop.client.account()!.cursor;
    // The page as the service sends it, applied on its own: as if the sync stopped right after it.
    const out = applyPage(
      laptop.db,
      testRegistry,
      laptop.client.account()!.device_id,
      {
        v: PROTOCOL_VERSION,
        changes: [
          {
            seq: cursor + 1,
            kind: 'erased',
            mutationId: null,
            entity: null,
            entityId: null,
            caseId: CASE,
            field: null,
            version: null,
            userId: null,
            deviceId: null,
            hlc: null,
          },
        ],
        cursor: cursor + 1,
        more: false,
      },
      { now: () => new Date(), onErased: (c) => audited.push(c) },
    );
    expect(out.erased).toEqual([CASE]);
    expect(audited).toEqual([CASE]);
    expect(laptop.row('t_cases', CASE)).toBeUndefined();
    const due = () => laptop.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(COMPACT_DUE_KEY);
    expect(due()).toBe('1');
    await laptop.client.syncNow();
    expect(due()).toBeUndefined();
  });
});
