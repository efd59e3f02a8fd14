/**
 * The Electron entry point: wires the real Electron objects into the small modules beside this
 * file (each tested with fakes in tests/main). Nothing here decides policy; it only connects.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import Store from 'electron-store';
import { methodNames } from '../../shared/ipc/contract';
import { createCore, type Core } from '../core/app-core';
import { configureFontDirectory } from '../core/pdf/fonts';
import { APP_ENTRY_URL, APP_SCHEME, createProtocolHandler, privilegedSchemes } from './app-protocol';
import { applySessionSecurity } from './csp';
import { handleDownloads } from './downloads';
import { forwardCoreEvents, registerIpc } from './ipc-bridge';
import { createLinkOpener, hardenWebContents } from './navigation';
import { menuTemplate } from './menu';
import { backupFileDialogs, lockOnSuspendAndScreenLock, safeStorageKeychain } from './os-adapters';
import { denyAllPermissions } from './permissions';
import { claimSingleInstance } from './single-instance';
import { appPaths, bootCore, showStartupFailure } from './startup';
import { mainWindowOptions } from './window-options';
import { restoreBounds, saveBounds } from './window-state';

const paths = appPaths(import.meta.dirname, app.isPackaged, process.resourcesPath);
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

const liveWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

// Both must happen before 'ready'.
app.enableSandbox();
protocol.registerSchemesAsPrivileged(privilegedSchemes);

if (claimSingleInstance(app, liveWindow)) {
  const openLink = createLinkOpener(
    {
      showMessageBox: (options) => {
        const win = liveWindow();
        return win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options);
      },
    },
    shell,
  );
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openLink));
  app.on('window-all-closed', () => app.quit());
  // Quitting locks the vault: the key leaves memory and the database is closed cleanly.
  app.on('will-quit', () => {
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch(() => {
      showStartupFailure(dialog, {
        title: 'Heard cannot start',
        message: 'Heard stopped while starting. Your records have not been changed. Please start Heard again.',
      });
      app.exit(1);
    });
}

function dataDir(): string {
  const fallback = join(app.getPath('userData'), 'data');
  // A developer may point an unpackaged build at a scratch folder; the installed app never reads this.
  return app.isPackaged ? fallback : (process.env.HEARD_DATA_DIR ?? fallback);
}

function start(): void {
  configureFontDirectory(paths.fontsDir);
  const result = bootCore({
    versions: process.versions,
    resourcesDir: paths.resourcesDir,
    dataDir: dataDir(),
    keychain: safeStorageKeychain(safeStorage, process.platform),
    createCore: (options) =>
      createCore({
        ...options,
        log,
        fileDialogs: backupFileDialogs(
          {
            showSaveDialog: (o) => {
              const win = liveWindow();
              return win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o);
            },
            showOpenDialog: (o) => {
              const win = liveWindow();
              return win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o);
            },
          },
          () => app.getPath('documents'),
        ),
      }),
    log,
  });
  if (!result.ok) {
    showStartupFailure(dialog, result.failure);
    app.exit(1);
    return;
  }
  const started = result.value;
  core = started;

  denyAllPermissions(session.defaultSession);
  applySessionSecurity(session.defaultSession.webRequest);
  handleDownloads(session.defaultSession, () => app.getPath('documents'));
  protocol.handle(APP_SCHEME, createProtocolHandler({ rootDir: paths.rendererDir }));
  registerIpc({
    ipcMain,
    core: started,
    methodNames,
    mainFrame: () => liveWindow()?.webContents.mainFrame ?? null,
    log,
  });
  forwardCoreEvents(started, () => liveWindow()?.webContents ?? null);
  lockOnSuspendAndScreenLock(powerMonitor, started);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, !app.isPackaged)));
  mainWindow = createMainWindow();
}

function createMainWindow(): BrowserWindow {
  const windowState = new Store<Record<string, unknown>>({ name: 'window-state' });
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const win = new BrowserWindow(
    mainWindowOptions(restoreBounds(windowState, workAreas), paths.preload, !app.isPackaged),
  );
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveBounds(windowState, win.getNormalBounds()));
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
