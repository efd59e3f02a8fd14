import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { buildServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { migrateServer } from '../../server/db/migrate';
import { prepareTrial, startTrialDatabase } from '../../server/trial';
import { ORGANISATION_RECORD_KINDS, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { sealedValueSchema } from '../../shared/sync/offservice';
import { Device, SERVICE_URL, injectTransport } from '../sync/harness';
import { preEncryption } from '../sync/pre-encryption';
import { admitWaitingLaptops } from '../sync/keys-helpers';

const CASE = '01900000-0000-7000-8000-0000000000f1';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** `npm run server` with no DATABASE_URL, as someone trying Heard would start it; resolves with the code it prints. */
async function startTrial(dir: string, port: number): Promise<{ child: ChildProcess; code: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HEARD_TRIAL_DIR: dir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The trial service did not start:\n${out}`)), 60_000);
    const read = (b: Buffer) => {
      out += b.toString();
      const m = /enrolment code ([A-Z0-9-]+) \(once/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, code: m[1]! });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`The trial service stopped (${code}):\n${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('a one-command trial on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heard-trial-'));
  const devices: Device[] = [];
  afterAll(() => {
    for (const d of devices) d.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a laptop straight away, and keeps what it received across a restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const first = await startTrial(dir, port);
    const laptop = await Device.create((u, init) => fetch(u, init));
    devices.push(laptop);
    try {
      const account = await laptop.client.connect(url, first.code);
      expect(account.organisation_name).toBe('Trial advocacy service');
      laptop.write('t_cases', CASE, CASE, { name: 'Tried on the trial service' });
      await laptop.client.syncNow();
      expect(laptop.outboxCount()).toBe(0);
    } finally {
      await stop(first.child);
    }

    const second = await startTrial(dir, port);
    try {
      expect(second.code).not.toBe(first.code);
      // The trial seals values like any service (the manager's laptop made the key): the first
      // laptop, reading the whole log again, gets back what the service kept across the restart.
      laptop.db.exec('DELETE FROM t_cases; DELETE FROM field_versions; UPDATE sync_account SET cursor = 0');
      await laptop.client.syncNow();
      expect(laptop.row('t_cases', CASE)).toMatchObject({ name: 'Tried on the trial service' });
      // A laptop enrolled with the new code waits until a manager lets it read the records.
      const spare = await Device.create((u, init) => fetch(u, init));
      devices.push(spare);
      await spare.client.connect(url, second.code);
      await spare.client.syncNow();
      expect(spare.row('t_cases', CASE)).toBeUndefined();
      expect(spare.client.account()!.last_error).toMatch(/Waiting for a manager/);
      // The first laptop made the organisation's key; it gives it to the spare, which then reads the case.
      expect(await admitWaitingLaptops(laptop)).toBe(1);
      await spare.client.syncNow();
      expect(spare.row('t_cases', CASE)!.name).toBe('Tried on the trial service');
    } finally {
      await stop(second.child);
    }
  }, 120_000);

  it('runs the encryption migrations; a manager connecting makes the key, converts what was synced before it, and erases a case, on the embedded database', async () => {
    const trialDir = mkdtempSync(join(tmpdir(), 'heard-trial-e2e-'));
    const trial = await startTrialDatabase(trialDir);
    const pool = new pg.Pool({ connectionString: trial.url, max: 1 });
    try {
      await migrateServer(pool);
      const versions = (await pool.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
        (r: { version: number }) => r.version,
      );
      expect(versions).toEqual(expect.arrayContaining([8, 9]));
      const app = await buildServer({ pool });
      const { organisationId, code } = await prepareTrial(pool);
      // A trial started before this version: its laptops met no keys endpoints.
      const old = preEncryption(injectTransport(app));
      const manager = await Device.create(old.transport);
      devices.push(manager);
      await manager.client.connect(SERVICE_URL, code);
      manager.write('t_cases', CASE, CASE, { name: 'Tried before the key' });
      manager.write('t_cases', CASE, CASE, { name: 'Tried again before the key' });
      await manager.client.syncNow();

      // Upgraded: the manager's laptop makes the organisation's key at its next sync, then converts.
      old.upgrade();
      await manager.client.syncNow();
      expect((await pool.query('SELECT organisation_id, created_by FROM key_epochs')).rows).toEqual([
        { organisation_id: organisationId, created_by: manager.client.account()!.device_id },
      ]);
      // Every value of a child's record; the organisation's own records (its people) stay readable to the service.
      const held = await pool.query(
        "SELECT value FROM field_state WHERE field <> 'deleted_at' AND entity <> ALL($1::text[]) UNION ALL SELECT value FROM changes WHERE value IS NOT NULL AND kind NOT IN ('refused', 'acked') AND entity <> ALL($1::text[])",
        [ORGANISATION_RECORD_KINDS],
      );
      expect(held.rows.length).toBeGreaterThan(0);
      for (const r of held.rows) expect(sealedValueSchema.safeParse(r.value).success).toBe(true);
      // What is left beside them is the service's own words: the outcome an acknowledgement keeps.
      const acked = await pool.query("SELECT DISTINCT value FROM changes WHERE kind = 'acked'");
      expect(acked.rows).toEqual([{ value: 'applied' }]);
      expect((await pool.query('SELECT plaintext_converted_at IS NOT NULL AS done FROM organisations')).rows).toEqual([
        { done: true },
      ]);

      const erase = await injectTransport(app)(`${SERVICE_URL}/v1/erase`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${manager.client.account()!.access_token}`,
        },
        body: JSON.stringify({ v: PROTOCOL_VERSION, caseIds: [CASE] }),
      });
      expect(await erase.json()).toMatchObject({ erased: 1 });
      await manager.client.syncNow();
      expect(manager.row('t_cases', CASE)).toBeUndefined();
      await app.close();
    } finally {
      await pool.end();
      await trial.stop();
      rmSync(trialDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to serve other computers from the trial database', () => {
    const certDir = mkdtempSync(join(tmpdir(), 'heard-tls-'));
    writeFileSync(join(certDir, 'cert.pem'), 'not read further here');
    writeFileSync(join(certDir, 'key.pem'), 'not read further here');
    try {
      expect(() =>
        loadConfig({
          HOST: '0.0.0.0',
          TLS_CERT_PATH: join(certDir, 'cert.pem'),
          TLS_KEY_PATH: join(certDir, 'key.pem'),
        }),
      ).toThrow(/embedded trial database: set DATABASE_URL/);
      expect(loadConfig({ HOST: '127.0.0.1' })).toMatchObject({ databaseUrl: null, trialDir: 'heard-trial-data' });
    } finally {
      rmSync(certDir, { recursive: true, force: true });
    }
  });
});
