import { methodNames } from '../../shared/ipc/contract';

/**
 * The page-side half of the web host: builds `window.heard` from the contract's method names,
 * exactly as the Electron preload does, but over loopback HTTP with the per-run token.
 * The token arrives once in the query string and is moved to sessionStorage at once.
 */
export function shimSource(): string {
  return `(() => {
  const url = new URL(location.href);
  let token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem('heard-token', token);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  } else {
    token = sessionStorage.getItem('heard-token') || '';
  }
  const unreachable = { ok: false, error: { code: 'internal', message: 'Heard\\u2019s core is not answering. Restart Heard; nothing saved has been lost.' } };
  const call = (name, input) =>
    fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-heard-token': token },
      body: JSON.stringify(input === undefined ? {} : input),
    }).then((r) => r.json()).catch(() => unreachable);
  const api = {};
  for (const name of ${JSON.stringify(methodNames)}) api[name] = (input) => call(name, input);
  // One event stream for every listener: a browser keeps at most six connections to a host, so
  // a stream per listener left a screen with many listeners unable to make any other request.
  const listeners = new Set();
  let source = null;
  api.onEvent = (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource('/events?token=' + encodeURIComponent(token));
      source.onmessage = (m) => {
        let event;
        try { event = JSON.parse(m.data); } catch { return; }
        for (const l of [...listeners]) { try { l(event); } catch {} }
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) { source.close(); source = null; }
    };
  };
  Object.defineProperty(window, 'heard', { value: Object.freeze(api), enumerable: true });
})();
`;
}
