import { describe, expect, it } from 'vitest';
import {
  backupFileDialogs,
  lockOnSuspendAndScreenLock,
  safeStorageKeychain,
  type SafeStorageLike,
} from '../../electron/main/os-adapters';
import { FakeEmitter } from './fakes';

function fakeSafeStorage(available: boolean, backend: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    // Reversible but not identity, so a test can tell sealed from plain.
    encryptString: (s) => Buffer.from(`sealed:${s}`),
    decryptString: (b) => b.toString().replace(/^sealed:/, ''),
  };
}

describe('keychain adapter', () => {
  it("is not real on Linux's basic_text backend (a fixed password protects nothing)", () => {
    expect(safeStorageKeychain(fakeSafeStorage(true, 'basic_text'), 'linux').isReal).toBe(false);
    expect(safeStorageKeychain(fakeSafeStorage(true, 'unknown'), 'linux').isReal).toBe(false);
  });

  it('is real with a Linux secret service, and on Windows and macOS when encryption is available', () => {
    expect(safeStorageKeychain(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isReal).toBe(true);
    expect(safeStorageKeychain(fakeSafeStorage(true, 'kwallet6'), 'linux').isReal).toBe(true);
    expect(safeStorageKeychain(fakeSafeStorage(true, 'unknown'), 'win32').isReal).toBe(true);
    expect(safeStorageKeychain(fakeSafeStorage(true, 'unknown'), 'darwin').isReal).toBe(true);
    expect(safeStorageKeychain(fakeSafeStorage(false, 'gnome_libsecret'), 'linux').isReal).toBe(false);
    expect(safeStorageKeychain(fakeSafeStorage(false, 'unknown'), 'darwin').isReal).toBe(false);
  });

  it('round-trips raw key bytes that are not valid text', () => {
    const keychain = safeStorageKeychain(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const key = Buffer.from([0, 255, 128, 10, 13, 0xc3, 0x28, 1]);
    const sealed = keychain.encrypt(key);
    expect(sealed.equals(key)).toBe(false);
    expect(keychain.decrypt(sealed).equals(key)).toBe(true);
  });
});

describe('power events', () => {
  it('suspend and the OS lock screen ask core to lock', () => {
    const power = new FakeEmitter();
    const reasons: string[] = [];
    lockOnSuspendAndScreenLock(power, { requestLock: (r) => reasons.push(r) });
    power.emit('suspend');
    power.emit('lock-screen');
    expect(reasons).toEqual(['suspend', 'lock-screen']);
  });
});

describe('backup file dialogs', () => {
  it('open in Documents filtered to Heard backups, and give the picked path or nothing when cancelled', async () => {
    const calls: { kind: string; defaultPath: string; extensions: string[] }[] = [];
    let answer: { canceled: boolean; path: string } = {
      canceled: false,
      path: '/home/jo/Documents/heard-backup-2026-12-06.heardbackup',
    };
    const dialogs = backupFileDialogs(
      {
        showSaveDialog: async (o) => {
          calls.push({ kind: 'save', defaultPath: o.defaultPath, extensions: o.filters[0]!.extensions });
          return { canceled: answer.canceled, filePath: answer.canceled ? '' : answer.path };
        },
        showOpenDialog: async (o) => {
          calls.push({ kind: 'open', defaultPath: o.defaultPath, extensions: o.filters[0]!.extensions });
          return { canceled: answer.canceled, filePaths: answer.canceled ? [] : [answer.path] };
        },
      },
      () => '/home/jo/Documents',
    );
    expect(
      await dialogs.chooseSaveFile({ title: 'Save the backup', defaultName: 'heard-backup-2026-12-06.heardbackup' }),
    ).toBe(answer.path);
    expect(await dialogs.chooseOpenFile({ title: 'Choose the backup to restore' })).toBe(answer.path);
    answer = { canceled: true, path: '' };
    expect(await dialogs.chooseSaveFile({ title: 'Save the backup', defaultName: 'x.heardbackup' })).toBeNull();
    expect(await dialogs.chooseOpenFile({ title: 'Choose the backup to restore' })).toBeNull();
    expect(calls[0]).toEqual({
      kind: 'save',
      defaultPath: '/home/jo/Documents/heard-backup-2026-12-06.heardbackup',
      extensions: ['heardbackup'],
    });
    expect(calls[1]).toEqual({ kind: 'open', defaultPath: '/home/jo/Documents', extensions: ['heardbackup'] });
  });
});
