/**
 * The OS keychain, passed in by electron/main (safeStorage). Core never imports Electron.
 * `isReal` is false when the OS offers no real protection (e.g. Linux's `basic_text` backend):
 * then we do not pretend, and the passphrase wrap alone protects the key.
 */
export interface Keychain {
  readonly isReal: boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

/** Where no keychain exists (web host, CLI, tests). */
export const noKeychain: Keychain = {
  isReal: false,
  encrypt: () => {
    throw new Error('No OS keychain is available.');
  },
  decrypt: () => {
    throw new Error('No OS keychain is available.');
  },
};
