import { join } from 'node:path';
import { BACKUP_EXTENSION, type FileDialogs } from '../core/backup/file-dialogs';
import type { Keychain } from '../core/vault/keychain';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The OS keychain for core, from Electron's safeStorage. On Linux without a secret service,
 * safeStorage falls back to `basic_text` (a hard-coded password): that protects nothing, so we
 * say the keychain is not real and the passphrase wrap stands alone. Call after app 'ready'.
 */
export function safeStorageKeychain(safeStorage: SafeStorageLike, platform: NodeJS.Platform): Keychain {
  const isReal = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform !== 'linux') return true;
    const backend = safeStorage.getSelectedStorageBackend();
    return backend !== 'basic_text' && backend !== 'unknown';
  };
  return {
    get isReal() {
      return isReal();
    },
    // safeStorage works on strings; the key is raw bytes, so it travels as base64.
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}

export interface PowerMonitorLike {
  on(event: 'suspend', listener: () => void): unknown;
  on(event: 'lock-screen', listener: () => void): unknown;
}

export interface LockRequester {
  requestLock(reason: 'idle' | 'suspend' | 'lock-screen'): void;
}

/** The laptop closing or the screen locking locks Heard too (core gives the page a moment to save drafts). */
export function lockOnSuspendAndScreenLock(powerMonitor: PowerMonitorLike, core: LockRequester): void {
  powerMonitor.on('suspend', () => core.requestLock('suspend'));
  powerMonitor.on('lock-screen', () => core.requestLock('lock-screen'));
}

export interface SaveDialogLike {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    buttonLabel: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  showOpenDialog(options: {
    title: string;
    defaultPath: string;
    buttonLabel: string;
    properties: ['openFile'];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/**
 * The computer's own Save and Open dialogs for backups, starting in Documents. Core only ever
 * writes or reads the file the advocate picked in them.
 */
export function backupFileDialogs(dialog: SaveDialogLike, documentsDir: () => string): FileDialogs {
  const filters = [{ name: 'Heard backup', extensions: [BACKUP_EXTENSION] }];
  return {
    chooseSaveFile: async ({ title, defaultName }) => {
      const r = await dialog.showSaveDialog({
        title,
        defaultPath: join(documentsDir(), defaultName),
        buttonLabel: 'Save backup',
        filters,
      });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseOpenFile: async ({ title }) => {
      const r = await dialog.showOpenDialog({
        title,
        defaultPath: documentsDir(),
        buttonLabel: 'Restore this backup',
        properties: ['openFile'],
        filters,
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
