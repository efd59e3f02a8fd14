import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../electron/core/db/database';
import { readKeyFile } from '../../../electron/core/vault/key-file';
import { unwrapKey } from '../../../electron/core/vault/key-wrap';
import { noKeychain } from '../../../electron/core/vault/keychain';
import { Vault } from '../../../electron/core/vault/vault';
import { DRAFT, FAST, PASS, codeOf, lockedVault } from './vault-helpers';

const DAMAGED_WORDS = /records file \(heard\.db\) is damaged.*has not been changed or deleted/;

function problemOf(vault: Vault): { code: string; message: string } | null {
  const s = vault.status();
  return s.state === 'problem' ? s.problem : null;
}

describe('a damaged records file', () => {
  it('of no bytes is shown as damaged before any passphrase, and is never made into a new, empty store', async () => {
    const { vault, kdf } = await lockedVault();
    writeFileSync(vault.databasePath, '');
    expect(problemOf(vault)).toMatchObject({
      code: 'database_damaged',
      message: expect.stringMatching(DAMAGED_WORDS) as unknown,
    });
    expect(await codeOf(vault.unlock(PASS))).toBe('database_damaged');
    expect(kdf.calls).toBe(0);
    expect(statSync(vault.databasePath).size).toBe(0);
    expect(existsSync(`${vault.databasePath}-wal`)).toBe(false);
    // Setting up again is refused too: the key file says a store belongs here.
    expect(await codeOf(vault.setup(PASS))).toBe('already_set_up');
    expect(statSync(vault.databasePath).size).toBe(0);
  });

  it.each([
    ['cut in the middle of its last page', 100],
    ['missing its last whole page', 4096],
    ['cut to its first page', -1],
  ])('%s is refused after the right passphrase, and left byte for byte', async (_name, cut) => {
    const { vault, clock } = await lockedVault();
    const whole = readFileSync(vault.databasePath);
    expect(whole.length % 4096).toBe(0);
    truncateSync(vault.databasePath, cut < 0 ? 4096 : whole.length - cut);
    const before = readFileSync(vault.databasePath);

    const fresh = new Vault(vault.dataDir, { keychain: noKeychain, scrypt: FAST, now: () => clock.now });
    expect(fresh.status().state).toBe('locked');
    expect(await codeOf(fresh.unlock(PASS))).toBe('database_damaged');
    expect(problemOf(fresh)).toMatchObject({
      code: 'database_damaged',
      message: expect.stringMatching(DAMAGED_WORDS) as unknown,
    });
    expect(fresh.isUnlocked).toBe(false);
    expect(readFileSync(vault.databasePath).equals(before)).toBe(true);
    // The passphrase was right: a damaged file does not count as a guess.
    expect(fresh.status()).toMatchObject({ state: 'problem' });
    expect(new Vault(vault.dataDir, { keychain: noKeychain, now: () => clock.now }).status()).toEqual({
      state: 'locked',
      retryAfterMs: 0,
    });
  });

  it('replaced by an empty store under the same key is refused rather than filled with empty tables', async () => {
    const { vault, clock } = await lockedVault();
    const file = readKeyFile(vault.keyPath, noKeychain);
    if (file.kind !== 'ok') throw new Error('key file unreadable');
    const key = (await unwrapKey(file.wrapped, PASS))!;
    writeFileSync(vault.databasePath, '');
    // What SQLite would make of an empty file, keyed and opened, without Heard's check.
    const empty = openEncrypted(vault.databasePath, key);
    empty.close();
    const before = readFileSync(vault.databasePath);

    const fresh = new Vault(vault.dataDir, { keychain: noKeychain, now: () => clock.now });
    expect(await codeOf(fresh.unlock(PASS))).toBe('database_damaged');
    expect(readFileSync(vault.databasePath).equals(before)).toBe(true);
  });

  it('a whole file still opens with its records (the checks refuse only what is damaged)', async () => {
    const { vault } = await lockedVault();
    await vault.unlock(PASS);
    expect(vault.database().prepare("SELECT content FROM drafts WHERE key = 'k'").pluck().get()).toBe(DRAFT);
    vault.lock();
  });
});
