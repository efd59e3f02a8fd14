import { describe, expect, it } from 'vitest';
import { lockOnSuspendAndScreenLock, safeStorageKeychain, type SafeStorageLike } from '../../electron/main/os-adapters';
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
