import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { Device } from '../sync/harness';

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
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    } finally {
      await stop(second.child);
    }
  }, 120_000);

  it('refuses to serve other computers from the trial database', () => {
    const certDir = mkdtempSync(join(tmpdir(), 'heard-tls-'));
    writeFileSync(join(certDir, 'cert.pem'), 'not read further here');
    writeFileSync(join(certDir, 'key.pem'), 'not read further here');
    try {
      expect(() => loadConfig({ HOST: '0.0.0.0', TLS_CERT_PATH: join(certDir, 'cert.pem'), TLS_KEY_PATH: join(certDir, 'key.pem') })).toThrow(/embedded trial database: set DATABASE_URL/);
      expect(loadConfig({ HOST: '127.0.0.1' })).toMatchObject({ databaseUrl: null, trialDir: 'heard-trial-data' });
    } finally {
      rmSync(certDir, { recursive: true, force: true });
    }
  });
});
