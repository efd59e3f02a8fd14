import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { createTestCore, type TestCore } from '../helpers/test-core';
import { SERVICE_URL, startService, type Service } from './harness';

/** The Laptops screen's calls, through the app's front door, as a manager and an advocate make them. */
describe('laptops through the app', () => {
  let service: Service;
  let manager: TestCore;
  let advocate: TestCore;
  let ann: string;

  beforeAll(async () => {
    service = await startService({ keys: true });
    const maya = await ops.createUser(service.db.pool, service.org, 'Maya', 'maya@example.org', 'manager');
    ann = await ops.createUser(service.db.pool, service.org, 'Ann', 'ann@example.org', 'advocate');
    manager = await createTestCore({ syncTransport: service.transport, autoSync: false });
    advocate = await createTestCore({ syncTransport: service.transport, autoSync: false });
    await manager.call('sync.connect', {
      serviceUrl: SERVICE_URL,
      code: (await ops.issueEnrolmentCode(service.db.pool, maya)).code,
    });
    await manager.call('sync.now', {});
  });
  afterAll(async () => {
    manager.dispose();
    advocate.dispose();
    await service.close();
  });

  it('shows the first manager the recovery key until it is printed', async () => {
    const { key } = await manager.call('laptops.recoveryKey', {});
    expect(key).toMatch(/^[A-Z2-7-]{64}$/);
    await manager.call('laptops.recoveryKeyPrinted', {});
    expect(await manager.call('laptops.recoveryKey', {})).toEqual({ key: null });
  });

  it('an advocate connects with the combined code, waits showing its code, and is let in at the manager’s next sync', async () => {
    const list = await manager.call('laptops.list', {});
    expect(list.users.map((u) => u.name)).toEqual(['Ann', 'Maya']);
    const { code, userName } = await manager.call('laptops.issueCode', { userId: ann });
    expect(userName).toBe('Ann');
    await advocate.call('sync.connect', { serviceUrl: SERVICE_URL, code });
    await advocate.call('sync.now', {});
    const waiting = await advocate.call('laptops.ownKey', {});
    expect(waiting.mode).toBe('waiting');
    const seen = (await manager.call('laptops.list', {})).laptops.find((l) => l.userName === 'Ann')!;
    expect(seen).toMatchObject({ fingerprint: waiting.fingerprint, waiting: true, tagRefused: false });
    await manager.call('sync.now', {});
    await advocate.call('sync.now', {});
    expect((await advocate.call('laptops.ownKey', {})).mode).toBe('sealed');
    expect((await manager.call('laptops.list', {})).laptops.find((l) => l.userName === 'Ann')).toMatchObject({
      holdsKey: true,
      waiting: false,
    });
  });

  it('refuses every managers’ call from an advocate’s laptop', async () => {
    await expect(advocate.call('laptops.list', {})).rejects.toThrow(/Only a manager/);
    await expect(advocate.call('laptops.issueCode', { userId: ann })).rejects.toThrow(/Only a manager/);
    await expect(advocate.call('laptops.recoveryKey', {})).rejects.toThrow(/Only a manager/);
  });
});
