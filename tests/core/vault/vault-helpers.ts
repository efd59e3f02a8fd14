import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveWrappingKey, type Kdf } from '../../../electron/core/vault/key-wrap';
import { noKeychain } from '../../../electron/core/vault/keychain';
import { Vault } from '../../../electron/core/vault/vault';

export const PASS = 'lantern pebble orchard trumpet';
export const DRAFT = 'Placement visit: wants to keep seeing her brother';
/** Low cost: these tests are about who may try a passphrase and when, not about scrypt's strength. */
export const FAST = { N: 2 ** 14, r: 8, p: 1 };

export const freshDir = (): string => mkdtempSync(join(tmpdir(), 'heard-frontdoor-'));

export const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

/** The real key derivation, counted, and optionally held until the test lets it go. */
export class CountingKdf {
  calls = 0;
  private held: (() => void)[] = [];
  hold = false;

  readonly kdf: Kdf = async (passphrase, salt, params) => {
    this.calls++;
    if (this.hold) await new Promise<void>((release) => this.held.push(release));
    return deriveWrappingKey(passphrase, salt, params);
  };

  get waiting(): number {
    return this.held.length;
  }

  releaseAll(): void {
    this.hold = false;
    for (const release of this.held.splice(0)) release();
  }
}

export interface TestVault {
  vault: Vault;
  kdf: CountingKdf;
  clock: { now: number };
}

/** A store set up with PASS and locked again; the clock stands still unless the test moves it. */
export async function lockedVault(dir = freshDir()): Promise<TestVault> {
  const kdf = new CountingKdf();
  const clock = { now: 1_800_000_000_000 };
  const vault = new Vault(dir, { keychain: noKeychain, scrypt: FAST, kdf: kdf.kdf, now: () => clock.now });
  await vault.setup(PASS);
  vault.database().prepare("INSERT INTO drafts (key, content, saved_at) VALUES ('k', ?, '2026-01-01')").run(DRAFT);
  vault.lock();
  kdf.calls = 0;
  return { vault, kdf, clock };
}
