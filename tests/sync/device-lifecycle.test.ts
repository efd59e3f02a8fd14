import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ops from '../../server/admin/ops';
import { readNotice } from '../../electron/core/sync/wipe';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { Device, startService, type Service } from './harness';

const CASE = '01900000-0000-7000-8000-0000000000d1';

describe('a lost laptop: revoke, wipe and stolen tokens', () => {
  let service: Service;
  let alice: string;
  const devices: Device[] = [];
  const enrolled = async () => {
    const d = await Device.create(service.transport);
    await d.enrol(service, alice);
    d.write('t_cases', CASE, CASE, { name: 'Case D' });
    await d.client.syncNow();
    devices.push(d);
    return d;
  };
  const post = (url: string, body: unknown, token?: string) =>
    service.app.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    service = await startService();
    alice = await ops.createUser(service.db.pool, service.org, 'Alice', 'alice@example.org', 'advocate');
  });
  afterAll(async () => {
    for (const d of devices) {
      try {
        d.dispose();
      } catch {
        // already wiped
      }
    }
    await service.close();
  });

  it('refuses a revoked device and the laptop deletes its records, saying why', async () => {
    const d = await enrolled();
    const token = d.client.account()!.access_token!;
    await ops.setDeviceStatus(service.db.pool, d.client.account()!.device_id, 'revoked');
    const refused = await post('/v1/pull', { v: PROTOCOL_VERSION, after: 0 }, token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('device_revoked');

    await expect(d.client.syncNow()).rejects.toThrow(/disconnected this computer/);
    expect(d.t.core.vault.isUnlocked).toBe(false);
    expect(existsSync(d.t.core.vault.databasePath)).toBe(false);
    expect(existsSync(d.t.core.vault.keyPath)).toBe(false);
    expect(d.t.core.vault.status().state).toBe('new');
    expect(readNotice(d.t.dataDir)).toMatchObject({ kind: 'revoked' });
  });

  it('leaves a wiped laptop empty and records the wipe on the service', async () => {
    const d = await enrolled();
    const deviceId = d.client.account()!.device_id;
    await ops.setDeviceStatus(service.db.pool, deviceId, 'wipe');
    await expect(d.client.syncNow()).rejects.toThrow(/wiped/);
    expect(existsSync(d.t.core.vault.databasePath)).toBe(false);
    expect(existsSync(`${d.t.core.vault.databasePath}-wal`)).toBe(false);
    expect(existsSync(d.t.core.vault.keyPath)).toBe(false);
    expect(readNotice(d.t.dataDir)).toMatchObject({ kind: 'wiped' });
    await new Promise((r) => setImmediate(r));
    await expect
      .poll(
        async () =>
          (await service.db.pool.query('SELECT status FROM devices WHERE id = $1', [deviceId])).rows[0].status,
      )
      .toBe('wiped');
  });

  it('revokes a device whose old refresh token is presented again after its successor was used (a copied token)', async () => {
    const d = await enrolled();
    const old = d.client.account()!.refresh_token;
    const first = await post('/v1/token', { v: PROTOCOL_VERSION, refreshToken: old });
    expect(first.statusCode).toBe(200);
    const second = await post('/v1/token', { v: PROTOCOL_VERSION, refreshToken: first.json().refreshToken });
    expect(second.statusCode).toBe(200);
    const again = await post('/v1/token', { v: PROTOCOL_VERSION, refreshToken: old });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('token_reused');
    const fresh = await post('/v1/pull', { v: PROTOCOL_VERSION, after: 0 }, second.json().accessToken);
    expect(fresh.statusCode).toBe(401);
    const row = await service.db.pool.query('SELECT status, status_reason FROM devices WHERE id = $1', [
      d.client.account()!.device_id,
    ]);
    expect(row.rows[0]).toEqual({ status: 'revoked', status_reason: 'token_reused' });
  });

  it('lets a laptop retry a refresh whose answer was lost, and still catches the lost token if it turns up later', async () => {
    const d = await enrolled();
    const old = d.client.account()!.refresh_token;
    const lost = await post('/v1/token', { v: PROTOCOL_VERSION, refreshToken: old });
    expect(lost.statusCode).toBe(200);
    const retry = await post('/v1/token', { v: PROTOCOL_VERSION, refreshToken: old });
    expect(retry.statusCode).toBe(200);
    expect((await post('/v1/pull', { v: PROTOCOL_VERSION, after: 0 }, retry.json().accessToken)).statusCode).toBe(200);
    const stolen = await post('/v1/token', { v: PROTOCOL_VERSION, refreshToken: lost.json().refreshToken });
    expect(stolen.statusCode).toBe(401);
    expect(stolen.json().error.code).toBe('token_reused');
  });

  it('accepts an enrolment code once only', async () => {
    const { code } = await ops.issueEnrolmentCode(service.db.pool, alice);
    const ok = await post('/v1/enrol', { v: PROTOCOL_VERSION, code: code.toLowerCase(), deviceName: 'laptop' });
    expect(ok.statusCode).toBe(200);
    const again = await post('/v1/enrol', { v: PROTOCOL_VERSION, code, deviceName: 'thief' });
    expect(again.statusCode).toBe(401);
  });

  it('refuses an enrolment code after 24 hours', async () => {
    const { code } = await ops.issueEnrolmentCode(service.db.pool, alice, new Date(Date.now() - 25 * 3600_000));
    const late = await post('/v1/enrol', { v: PROTOCOL_VERSION, code, deviceName: 'laptop' });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.message).toMatch(/24 hours/);
  });
});
