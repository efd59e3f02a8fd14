import { timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { Core } from '../core/app-core';
import { shimSource } from './shim';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (vite's output). */
  staticDir: string;
  token: string;
  port?: number;
}

export interface WebHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * Development and test host (never packaged): the real core behind loopback HTTP, so the real app
 * runs in a browser and Playwright can drive it. 127.0.0.1 only; every API call needs the token.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const expected = Buffer.from(options.token);
  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const g = Buffer.from(given);
    return g.length === expected.length && timingSafeEqual(g, expected);
  };
  let port = 0;
  const hostOk = (req: IncomingMessage): boolean =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refuse other Host names so a web page elsewhere cannot reach us by DNS rebinding.
    if (!hostOk(req)) return send(res, 421, 'text/plain', 'Wrong host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'Use POST');
      if (!tokenOk(header(req, 'x-heard-token')))
        return send(
          res,
          401,
          'application/json',
          JSON.stringify({
            ok: false,
            error: {
              code: 'forbidden',
              message: 'This page is not allowed to use Heard. Open the address Heard printed.',
            },
          }),
        );
      const body = await readBody(req);
      if (body === null)
        return send(
          res,
          413,
          'application/json',
          JSON.stringify({
            ok: false,
            error: { code: 'invalid_input', message: 'That was too large to save in one go.' },
          }),
        );
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        return send(
          res,
          400,
          'application/json',
          JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } }),
        );
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const envelope = await options.core.call(method, input);
      return send(res, 200, 'application/json', JSON.stringify(envelope));
    }
    if (url.pathname === '/events') {
      if (!tokenOk(url.searchParams.get('token'))) return send(res, 401, 'text/plain', 'Forbidden');
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const off = options.core.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', off);
      return;
    }
    if (url.pathname === '/heard-shim.js') return send(res, 200, TYPES['.js']!, shimSource());
    return serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(options.staticDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(options.staticDir + sep) && file !== options.staticDir)
      return send(res, 404, 'text/plain', 'Not found');
    let target = file;
    try {
      if (!statSync(target).isFile()) target = join(options.staticDir, 'index.html');
    } catch {
      target = join(options.staticDir, 'index.html');
    }
    let content: Buffer;
    try {
      content = readFileSync(target);
    } catch {
      return send(res, 500, 'text/plain', 'The app has not been built. Run: npm run build:renderer');
    }
    if (target.endsWith('index.html')) {
      // Load the bridge before the app so window.heard exists when React starts.
      const html = content.toString('utf8').replace('<head>', '<head>\n    <script src="/heard-shim.js"></script>');
      return send(res, 200, TYPES['.html']!, html);
    }
    send(res, 200, TYPES[extname(target)] ?? 'application/octet-stream', content);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}
