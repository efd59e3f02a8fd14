import { describe, expect, it } from 'vitest';
import {
  applySessionSecurity,
  CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  type WebRequestLike,
} from '../../electron/main/csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('content security policy', () => {
  it("runs only the app's own scripts: script-src 'self', nothing inline or evaluated", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('lets the page talk to nothing but itself, and never be framed or embed others', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('matches the policy in the renderer page, so the web host and Electron behave alike', async () => {
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    for (const directive of meta.split(';').map((d) => d.trim())) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });
});

describe('session security', () => {
  type HeadersListener = Parameters<WebRequestLike['onHeadersReceived']>[0];
  type BeforeListener = Parameters<WebRequestLike['onBeforeRequest']>[0];

  function capture(): { headers: HeadersListener; before: BeforeListener } {
    const got: { headers?: HeadersListener; before?: BeforeListener } = {};
    applySessionSecurity({
      onHeadersReceived: (l) => {
        got.headers = l;
      },
      onBeforeRequest: (l) => {
        got.before = l;
      },
    });
    if (!got.headers || !got.before) throw new Error('The session listeners were not registered.');
    return { headers: got.headers, before: got.before };
  }

  it('puts our CSP on every response, replacing any other policy', () => {
    const { headers } = capture();
    let out: Record<string, string | string[]> | undefined;
    headers(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r) => {
        out = r.responseHeaders;
      },
    );
    expect(out?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out?.['content-security-policy']).toBeUndefined();
    expect(out?.['Content-Type']).toEqual(['text/html']);
  });

  it('cancels every request that would leave the machine', () => {
    const { before } = capture();
    const cancelled = (url: string): boolean | undefined => {
      let result: boolean | undefined;
      before({ url }, (r) => {
        result = r.cancel;
      });
      return result;
    };
    expect(cancelled('https://example.org/track')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('wss://example.org/')).toBe(true);
    expect(cancelled('heard://app/assets/index.js')).toBe(false);
    expect(isAllowedRequestUrl('not a url')).toBe(false);
  });
});
