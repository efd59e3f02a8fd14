import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, methodNames } from '../../shared/ipc/contract';

/**
 * Runs the real electron/main/index.ts against a fake 'electron' module (the binary cannot run
 * here), to check the entry point wires every safeguard in, not just that the pieces work alone.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, l: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
      return this;
    }
    once(event: string, l: Listener): this {
      return this.on(event, l);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
  }
  const state = {
    gotLock: true,
    userData: '',
    calls: [] as string[],
    windows: [] as {
      options: Record<string, unknown>;
      loaded?: string;
      sent: [string, unknown][];
      mainFrame: object;
    }[],
    protocols: new Map<string, Listener>(),
    handlers: new Map<string, Listener>(),
    syncHandlers: new Map<string, Listener>(),
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    beforeRequest: null as Listener | null,
    app: new Emitter(),
    power: new Emitter(),
  };
  class BrowserWindow extends Emitter {
    readonly record: (typeof state.windows)[number];
    readonly webContents: { mainFrame: object; isDestroyed(): boolean; send(c: string, p: unknown): void };
    constructor(options: Record<string, unknown>) {
      super();
      const mainFrame = { url: 'heard://app/index.html', parent: null, processId: 3, routingId: 1 };
      this.record = { options, sent: [], mainFrame };
      const sent = this.record.sent;
      this.webContents = { mainFrame, isDestroyed: () => false, send: (c, p) => void sent.push([c, p]) };
      state.windows.push(this.record);
    }
    loadURL(url: string): Promise<void> {
      this.record.loaded = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return false;
    }
    getNormalBounds(): object {
      return { x: 0, y: 0, width: 1200, height: 800 };
    }
  }
  const app = Object.assign(state.app, {
    isPackaged: false,
    enableSandbox: () => state.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => state.gotLock,
    quit: () => state.calls.push('quit'),
    exit: (code: number) => state.calls.push(`exit ${code}`),
    whenReady: () => (state.gotLock ? Promise.resolve() : new Promise<void>(() => {})),
    getPath: () => state.userData,
  });
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        state.calls.push(`schemes ${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string, h: Listener) => state.protocols.set(scheme, h),
    },
    ipcMain: {
      handle: (c: string, h: Listener) => state.handlers.set(c, h),
      on: (c: string, h: Listener) => state.syncHandlers.set(c, h),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permissionRequest = h),
        setPermissionCheckHandler: (h: Listener) => (state.permissionCheck = h),
        setDevicePermissionHandler: () => undefined,
        on: (event: string) => state.calls.push(`session ${event}`),
        webRequest: { onHeadersReceived: () => undefined, onBeforeRequest: (h: Listener) => (state.beforeRequest = h) },
      },
    },
    dialog: {
      showErrorBox: (t: string) => state.calls.push(`error ${t}`),
      showMessageBox: async () => ({ response: 1 }),
    },
    shell: { openExternal: async () => undefined },
    powerMonitor: state.power,
    safeStorage: {
      isEncryptionAvailable: () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => state.calls.push('menu') },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));
vi.mock('../../electron/core/pdf/fonts', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  configureFontDirectory: (dir: string) => fake.state.calls.push(`fonts ${dir}`),
}));
vi.mock('electron-store', () => ({
  default: class {
    data = new Map<string, unknown>();
    get(k: string): unknown {
      return this.data.get(k);
    }
    set(k: string, v: unknown): void {
      this.data.set(k, v);
    }
  },
}));

const entry = join(import.meta.dirname, '..', '..', 'electron', 'main', 'index.ts');
const userData = mkdtempSync(join(tmpdir(), 'heard-entry-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

async function load(gotLock: boolean): Promise<typeof fake.state> {
  const s = fake.state;
  Object.assign(s, {
    gotLock,
    userData,
    calls: [],
    windows: [],
    permissionRequest: null,
    permissionCheck: null,
    beforeRequest: null,
  });
  for (const m of [s.protocols, s.handlers, s.syncHandlers, s.app.listeners, s.power.listeners]) m.clear();
  vi.resetModules();
  await import(/* @vite-ignore */ entry);
  if (gotLock) await vi.waitFor(() => expect(s.windows).toHaveLength(1));
  return s;
}

describe('electron/main/index.ts', () => {
  beforeEach(() => {
    delete process.env.HEARD_DATA_DIR;
  });

  it('a second instance turns on the sandbox and scheme, then quits without opening a window', async () => {
    const s = await load(false);
    expect(s.calls).toEqual(['enableSandbox', 'schemes heard', 'quit']);
    expect(s.windows).toEqual([]);
    expect(s.handlers.size).toBe(0);
  });

  it('opens one locked-down window on heard://app and registers every safeguard', async () => {
    const s = await load(true);
    const [win] = s.windows;
    expect(win?.loaded).toBe('heard://app/index.html');
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(s.protocols.has('heard')).toBe(true);
    const answers: boolean[] = [];
    s.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(s.permissionCheck?.({}, 'geolocation')).toBe(false);
    expect(s.beforeRequest).not.toBeNull();
    expect([...s.handlers.keys()].sort()).toEqual(methodNames.map((n) => IPC_PREFIX + n).sort());
    expect(s.power.listeners.has('suspend') && s.power.listeners.has('lock-screen')).toBe(true);
    expect(s.calls).toContain('menu');
    expect(s.calls).toContain('session will-download');
    // Bundled into main.js, core cannot find the PDF fonts from its own path: main tells it.
    expect(s.calls).toContain(`fonts ${join(import.meta.dirname, '..', '..', 'resources', 'fonts')}`);
    // Every web contents created later is hardened too.
    let prevented = false;
    const contents = {
      on: (ev: string, l: (e: unknown, url?: string) => void) =>
        ev === 'will-navigate' && l({ preventDefault: () => (prevented = true) }, 'https://x.example/'),
      setWindowOpenHandler: () => undefined,
    };
    s.app.emit('web-contents-created', {}, contents);
    expect(prevented).toBe(true);
  });

  it('answers our window through core, refuses a stranger, and locks the vault on quit', async () => {
    const s = await load(true);
    const win = s.windows[0];
    const invoke = (frame: object | null, method: string, input: unknown): unknown =>
      s.handlers.get(IPC_PREFIX + method)?.({ senderFrame: frame }, input);
    expect(await invoke(win?.mainFrame ?? null, 'vault.status', {})).toEqual({ ok: true, value: { state: 'new' } });
    const stranger = { url: 'https://evil.example/', parent: null, processId: 3, routingId: 1 };
    expect(await invoke(stranger, 'vault.status', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await invoke(win?.mainFrame ?? null, 'vault.setup', { passphrase: 'orange kettle mountain violin' }),
    ).toMatchObject({ ok: true });
    s.app.emit('will-quit');
    expect(win?.sent).toContainEqual(['heard:event', { type: 'locked', reason: 'quit' }]);
  });
});
