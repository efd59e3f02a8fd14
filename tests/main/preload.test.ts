import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_METHODS_CHANNEL, IPC_PREFIX } from '../../shared/ipc/contract';

// Read and loaded by path: the preload is its own TypeScript project (DOM types, no Node).
const preloadPath = join(import.meta.dirname, '..', '..', 'electron', 'preload', 'index.ts');
const source = readFileSync(preloadPath, 'utf8');
const literal = (name: string): string | undefined => new RegExp(`const ${name} = '([^']*)'`).exec(source)?.[1];

describe('preload channel names', () => {
  it('match the contract (the sandboxed preload cannot import it)', () => {
    expect(literal('PREFIX')).toBe(IPC_PREFIX);
    expect(literal('EVENT_CHANNEL')).toBe(IPC_EVENT_CHANNEL);
    expect(literal('METHODS_CHANNEL')).toBe(IPC_METHODS_CHANNEL);
  });

  it('imports nothing but electron (sandboxed preloads cannot load other modules)', () => {
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['electron']);
  });
});

// The preload run against a fake 'electron', as Electron would run it in the sandbox.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api),
  },
  ipcRenderer: {
    sendSync: (channel: string) => (channel === 'heard:methods' ? ['vault.status', 'vault.unlock', 42] : undefined),
    invoke: async (channel: string, ...args: unknown[]) => {
      bridge.invoked.push({ channel, args });
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      bridge.listeners.set(channel, listener),
    removeListener: (channel: string) => bridge.listeners.delete(channel),
  },
}));

describe('window.heard from the preload', () => {
  let heard: Record<string, unknown>;
  beforeAll(async () => {
    await import(/* @vite-ignore */ preloadPath);
    heard = bridge.exposed.get('heard') as Record<string, unknown>;
  });

  it('exposes one frozen object with a function per method name from main, and onEvent', () => {
    expect([...bridge.exposed.keys()]).toEqual(['heard']);
    expect(Object.isFrozen(heard)).toBe(true);
    expect(Object.keys(heard).sort()).toEqual(['onEvent', 'vault.status', 'vault.unlock']);
    expect(Object.values(heard).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends only the payload, on heard:<method>', async () => {
    const unlock = heard['vault.unlock'] as (input: unknown) => Promise<unknown>;
    await unlock({ passphrase: 'x' });
    expect(bridge.invoked).toEqual([{ channel: 'heard:vault.unlock', args: [{ passphrase: 'x' }] }]);
  });

  it('gives listeners the event payload, never the IPC event, and can unsubscribe', () => {
    const seen: unknown[] = [];
    const onEvent = heard.onEvent as (l: (e: unknown) => void) => () => void;
    const off = onEvent((e) => seen.push(e));
    bridge.listeners.get('heard:event')?.({ sender: 'ipcRenderer internals' }, { type: 'locked', reason: 'idle' });
    expect(seen).toEqual([{ type: 'locked', reason: 'idle' }]);
    off();
    expect(bridge.listeners.has('heard:event')).toBe(false);
  });
});
