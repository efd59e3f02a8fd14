/**
 * The page's Content-Security-Policy. Only our own scripts run ('self' is heard://app); Mantine
 * sets inline style attributes and a CSS-variables <style> tag, hence 'unsafe-inline' for styles
 * only. The renderer never talks to the network: connect-src is our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self'",
].join('; ');

export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

type Headers = Record<string, string | string[]>;

export interface WebRequestLike {
  onHeadersReceived(
    listener: (
      details: { responseHeaders?: Headers },
      callback: (response: { responseHeaders?: Headers }) => void,
    ) => void,
  ): void;
  onBeforeRequest(
    listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
  ): void;
}

/** Schemes the window may load anything from; everything else (http, https, file, ftp, ws) is cancelled. */
const allowedRequestSchemes = new Set(['heard:', 'devtools:', 'data:', 'blob:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    return allowedRequestSchemes.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Adds the CSP to every response the session sees (the protocol handler sets it too) and cancels
 * any request that would leave the machine, so a bug in the renderer cannot send a child's
 * details anywhere.
 */
export function applySessionSecurity(webRequest: WebRequestLike): void {
  webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Headers = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders });
  });
  webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
