import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  createProtocolHandler,
  isAppUrl,
  privilegedSchemes,
  resolveAppPath,
} from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';

const root = '/opt/Heard/resources/app.asar/dist/renderer';

describe('heard:// URL to file mapping', () => {
  it('serves files from the renderer folder and index.html for the bare origin', () => {
    expect(resolveAppPath(root, 'heard://app/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'heard://app/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'heard://app/assets/index-abc.js?v=1#/caseload')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it('refuses every way of climbing out of the folder', () => {
    const attempts = [
      'heard://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'heard://app/..%2f..%2fetc%2fpasswd',
      'heard://app/assets/..%5c..%5cwindows%5csystem.ini',
      'heard://app/C:/Windows/win.ini',
      'heard://app/index.html%00.png',
      'heard://app/%E0%A4%A',
    ];
    for (const url of attempts) expect(resolveAppPath(root, url), url).toBeNull();
  });

  it('keeps plain `..` segments inside the folder (the URL parser folds them at the root)', () => {
    expect(resolveAppPath(root, 'heard://app/../../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppPath(root, 'heard://app/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'heard://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://app/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('heard://other/index.html')).toBe(false);
  });

  it('registers the scheme as standard and secure, without bypassing the CSP', () => {
    const [scheme] = privilegedSchemes;
    expect(scheme?.scheme).toBe('heard');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
  });
});

describe('the protocol handler', () => {
  let dir: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'heard-protocol-'));
    dir = join(base, 'renderer');
    outside = join(base, 'secret.txt');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Heard</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(outside, 'not for the page');
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('answers with the file, its type and the CSP header', async () => {
    const handler = createProtocolHandler({ rootDir: dir });
    const res = await handler({ url: 'heard://app/index.html', method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>Heard</title>');
    const js = await handler({ url: 'heard://app/assets/app.js' });
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('does not hand out a file beside the folder, a missing file, or answer a POST', async () => {
    const handler = createProtocolHandler({ rootDir: dir });
    const escaped = await handler({ url: 'heard://app/%2e%2e/secret.txt' });
    expect(escaped.status).toBe(404);
    expect(await escaped.text()).toBe('');
    expect((await handler({ url: 'heard://app/nope.js' })).status).toBe(404);
    expect((await handler({ url: 'heard://app/index.html', method: 'POST' })).status).toBe(405);
  });
});
