import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { securityHeaders } from './csp';

/**
 * The renderer is served from `heard://app/…`, never from `file://`: a custom standard+secure
 * scheme gives the page a real origin (so 'self' in the CSP means only our files) and lets us
 * refuse anything outside the built renderer folder.
 */
export const APP_SCHEME = 'heard';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Passed to `protocol.registerSchemesAsPrivileged` before the app is ready. */
export const privilegedSchemes = [
  {
    scheme: APP_SCHEME,
    // bypassCSP stays false: our own CSP must apply to our own pages.
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: false,
      bypassCSP: false,
      stream: false,
    },
  },
];

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** True when the URL is one of our own pages or files (scheme and host both ours). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps `heard://app/<path>` to a file under `rootDir`, or null when the URL is not ours or would
 * leave the folder (`..`, encoded separators, NUL bytes, absolute or drive paths).
 */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // Checked after decoding, so `%2e%2e` and `%2f` cannot sneak a parent folder past the URL parser.
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const relativePath = pathname.replace(/^\/+/, '') || 'index.html';
  if (/^[a-zA-Z]:/.test(relativePath)) return null;
  const root = resolve(rootDir);
  const target = resolve(root, relativePath);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

export interface ProtocolHandlerOptions {
  rootDir: string;
  read?: (path: string) => Promise<Buffer>;
}

/** The function given to `protocol.handle(APP_SCHEME, …)`. */
export function createProtocolHandler(
  options: ProtocolHandlerOptions,
): (request: { url: string; method?: string }) => Promise<Response> {
  const read = options.read ?? ((path: string) => readFile(path));
  return async (request) => {
    const headers = securityHeaders();
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers });
    }
    const path = resolveAppPath(options.rootDir, request.url);
    if (!path) return new Response(null, { status: 404, headers });
    try {
      const body = await read(path);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { ...headers, 'content-type': contentTypeFor(path) },
      });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  };
}
