import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/app-core';
import { startWebHost, type WebHost } from '../../electron/web-host/server';

const TOKEN = 'test-token-abcdefghijklmnop';
let host: WebHost;
let core: Core;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'heard-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<html><head><title>Heard</title></head><body></body></html>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  core = createCore({ dataDir: mkdtempSync(join(tmpdir(), 'heard-webhost-')) });
  host = await startWebHost({ core, staticDir, token: TOKEN });
});
afterAll(async () => {
  await host.close();
  core.close();
});

function call(
  path: string,
  options: { method?: string; token?: string; host?: string; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(path, host.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: {
          host: options.host ?? url.host,
          ...(options.token ? { 'x-heard-token': options.token } : {}),
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the web host', () => {
  it('listens on loopback only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers an API call with the right token through the real core', async () => {
    const r = await call('/api/vault.status', { method: 'POST', token: TOKEN, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { state: 'new' } });
  });

  it('refuses an API call without the token or with a wrong one', async () => {
    expect((await call('/api/vault.status', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (await call('/api/vault.status', { method: 'POST', token: 'test-token-abcdefghijklmnoX', body: '{}' })).status,
    ).toBe(401);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    expect(
      (await call('/api/vault.status', { method: 'POST', token: TOKEN, host: 'evil.example:80', body: '{}' })).status,
    ).toBe(421);
  });

  it('says clearly when the body is not JSON', async () => {
    const r = await call('/api/vault.status', { method: 'POST', token: TOKEN, body: '{not json' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error.code).toBe('invalid_input');
  });

  it('serves the app with the bridge script and a strict CSP', async () => {
    const r = await call('/');
    expect(r.body).toContain('<script src="/heard-shim.js"></script>');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    const shim = await call('/heard-shim.js');
    expect(shim.body).toContain('vault.unlock');
  });

  it('does not serve files outside the app folder', async () => {
    const r = await call('/..%2f..%2f..%2fetc%2fpasswd');
    expect(r.body).not.toContain('root:');
  });
});
