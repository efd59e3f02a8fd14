import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/app-core';
import { forwardCoreEvents, isTrustedFrame, registerIpc, type CoreLike } from '../../electron/main/ipc-bridge';
import { IPC_EVENT_CHANNEL, IPC_METHODS_CHANNEL, IPC_PREFIX, methodNames } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';
import type { AppEvent } from '../../shared/ipc/events';
import { FakeIpcMain, frame } from './fakes';

const ourFrame = frame('heard://app/index.html#/caseload', { processId: 7, routingId: 1 });

function recordingCore(): CoreLike & { calls: { method: string; input: unknown }[]; emit(e: AppEvent): void } {
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<(e: AppEvent) => void>();
  return {
    calls,
    call: async (method, input) => {
      calls.push({ method, input });
      return { ok: true, value: { state: 'new' } };
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit: (e) => {
      for (const l of listeners) l(e);
    },
  };
}

function setup(): { ipc: FakeIpcMain; core: ReturnType<typeof recordingCore>; logged: string[] } {
  const ipc = new FakeIpcMain();
  const core = recordingCore();
  const logged: string[] = [];
  registerIpc({ ipcMain: ipc, core, methodNames, mainFrame: () => ourFrame, log: (l) => logged.push(l) });
  return { ipc, core, logged };
}

describe('IPC registration', () => {
  it('registers one heard:<method> handler for every method in the contract', () => {
    const { ipc } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(methodNames.map((n) => IPC_PREFIX + n).sort());
  });

  it('tells our own page the method names, and an unexpected frame nothing', () => {
    const { ipc } = setup();
    expect(ipc.sendSync(IPC_METHODS_CHANNEL, ourFrame)).toEqual(methodNames);
    expect(ipc.sendSync(IPC_METHODS_CHANNEL, frame('https://evil.example/'))).toEqual([]);
  });

  it('passes a call from our main frame to core with its payload', async () => {
    const { ipc, core } = setup();
    const result = await ipc.invoke(`${IPC_PREFIX}vault.status`, ourFrame, {});
    expect(result).toEqual({ ok: true, value: { state: 'new' } });
    expect(core.calls).toEqual([{ method: 'vault.status', input: {} }]);
  });

  it('refuses calls from any other frame before core sees them', async () => {
    const { ipc, core, logged } = setup();
    const strangers = [
      null, // the frame was destroyed or navigated away
      frame('https://evil.example/index.html'),
      frame('file:///home/user/index.html'),
      frame('heard://other/index.html'),
      frame('heard://app/index.html', { parent: ourFrame, routingId: 2 }), // a subframe of our page
      frame('heard://app/index.html', { processId: 99 }), // a different window or renderer
      frame('heard://app/index.html', { routingId: 5 }),
    ];
    for (const sender of strangers) {
      const result = (await ipc.invoke(`${IPC_PREFIX}vault.unlock`, sender, {
        passphrase: 'guess',
      })) as Envelope<unknown>;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('forbidden');
    }
    expect(core.calls).toEqual([]);
    expect(logged.join('\n')).not.toContain('guess');
  });

  it('refuses everything while there is no window', () => {
    expect(isTrustedFrame(ourFrame, null)).toBe(false);
    expect(isTrustedFrame(ourFrame, ourFrame)).toBe(true);
  });

  it('sends core events to the window on heard:event, and stops when the window is gone', () => {
    const core = recordingCore();
    const sent: [string, unknown][] = [];
    let destroyed = false;
    forwardCoreEvents(core, () => ({
      isDestroyed: () => destroyed,
      send: (channel, payload) => sent.push([channel, payload]),
    }));
    core.emit({ type: 'locked', reason: 'idle' });
    destroyed = true;
    core.emit({ type: 'locked', reason: 'quit' });
    expect(sent).toEqual([[IPC_EVENT_CHANNEL, { type: 'locked', reason: 'idle' }]]);
  });
});

describe('IPC through the real core', () => {
  it('validates the payload against the contract: a good call answers, a bad one is refused in plain words', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'heard-main-ipc-'));
    const core = createCore({ dataDir });
    try {
      const ipc = new FakeIpcMain();
      registerIpc({ ipcMain: ipc, core, methodNames, mainFrame: () => ourFrame });
      expect(await ipc.invoke(`${IPC_PREFIX}vault.status`, ourFrame, {})).toEqual({
        ok: true,
        value: { state: 'new' },
      });
      const bad = (await ipc.invoke(`${IPC_PREFIX}vault.setup`, ourFrame, {
        passphrase: 42,
        extra: true,
      })) as Envelope<unknown>;
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.error.code).toBe('invalid_input');
        expect(bad.error.message.length).toBeGreaterThan(0);
      }
    } finally {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
