// A stand-in for Electron's main-process API: just enough for dist/electron/main.js to start.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const userData = mkdtempSync(join(tmpdir(), 'heard-smoke-'));
const seen = { handlers: 0, protocol: false, preload: '' };

const finish = (code, line) => {
  rmSync(userData, { recursive: true, force: true });
  process.stdout.write(`${line}\n`);
  process.exit(code);
};

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    seen.preload = options.webPreferences.preload;
    this.webContents = {
      mainFrame: { url: '', parent: null, processId: 1, routingId: 1 },
      isDestroyed: () => false,
      send() {},
    };
  }
  isDestroyed() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  async loadURL(url) {
    const ok =
      url === 'heard://app/index.html' && seen.protocol && seen.handlers > 0 && seen.preload.endsWith('preload.cjs');
    finish(
      ok ? 0 : 1,
      ok ? `ELECTRON_BUNDLE_OK ${seen.handlers} IPC handlers` : `ELECTRON_BUNDLE_FAILED ${JSON.stringify(seen)}`,
    );
  }
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox() {},
  requestSingleInstanceLock: () => true,
  quit() {},
  exit: (code) => finish(1, `ELECTRON_BUNDLE_FAILED exit ${code}`),
  whenReady: () => Promise.resolve(),
  getPath: () => userData,
  getName: () => 'Heard',
  getVersion: () => '0.0.0',
});
export const protocol = {
  registerSchemesAsPrivileged() {},
  handle: () => {
    seen.protocol = true;
  },
};
export const ipcMain = {
  handle: () => {
    seen.handlers += 1;
  },
  on() {},
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
    on() {},
    webRequest: { onHeadersReceived() {}, onBeforeRequest() {} },
  },
};
export const dialog = {
  showErrorBox: (title, message) => finish(1, `ELECTRON_BUNDLE_FAILED ${title}: ${message}`),
  showMessageBox: async () => ({ response: 1 }),
};
export const shell = { openExternal: async () => {} };
export const powerMonitor = new EventEmitter();
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const Menu = { buildFromTemplate: (template) => template, setApplicationMenu() {} };
export { BrowserWindow };
export default {
  app,
  protocol,
  ipcMain,
  session,
  dialog,
  shell,
  powerMonitor,
  safeStorage,
  screen,
  BrowserWindow,
  Menu,
};
