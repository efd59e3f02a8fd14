import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Keychain } from '../../../electron/core/vault/keychain';
import { DATABASE_FILE, KEY_FILE, Vault } from '../../../electron/core/vault/vault';
import { noKeychain } from '../../../electron/core/vault/keychain';

const PASS = 'lantern pebble orchard trumpet';
const freshDir = () => mkdtempSync(join(tmpdir(), 'heard-vault-'));

async function setUpVault(dir = freshDir(), keychain: Keychain = noKeychain): Promise<Vault> {
  const vault = new Vault(dir, { keychain });
  await vault.setup(PASS);
  vault
    .database()
    .prepare("INSERT INTO drafts (key, content, saved_at) VALUES ('k', 'Amara''s placement notes', '2026-01-01')")
    .run();
  vault.lock();
  return vault;
}

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

describe('the encrypted store', () => {
  it('moves from new to unlocked to locked, and unlocks again with the passphrase', async () => {
    const dir = freshDir();
    const vault = new Vault(dir, { keychain: noKeychain });
    expect(vault.status()).toEqual({ state: 'new' });
    await vault.setup(PASS);
    expect(vault.status()).toEqual({ state: 'unlocked' });
    vault.lock();
    expect(vault.status().state).toBe('locked');
    expect(await codeOf(Promise.resolve().then(() => vault.database()))).toBe('locked');
    await vault.unlock(PASS);
    expect(vault.status()).toEqual({ state: 'unlocked' });
    vault.lock();
  });

  it('refuses a weak passphrase at setup and creates nothing', async () => {
    const dir = freshDir();
    const vault = new Vault(dir, { keychain: noKeychain });
    expect(await codeOf(vault.setup('password1234'))).toBe('weak_passphrase');
    expect(await codeOf(vault.setup('short'))).toBe('weak_passphrase');
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(false);
  });

  it('keeps the database encrypted: no SQLite header, no plaintext, unreadable without the key', async () => {
    const vault = await setUpVault();
    const bytes = readFileSync(vault.databasePath);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from('Amara'))).toBe(false);
    const plain = new Database(vault.databasePath);
    expect(() => plain.prepare('SELECT * FROM drafts').all()).toThrow();
    plain.close();
  });

  it('says the passphrase is wrong, asks to wait, and keeps the data', async () => {
    let now = 10_000_000;
    const dir = freshDir();
    await setUpVault(dir);
    const vault = new Vault(dir, { keychain: noKeychain, now: () => now });
    expect(await codeOf(vault.unlock('lantern pebble orchard trombone'))).toBe('wrong_passphrase');
    expect(await codeOf(vault.unlock(PASS))).toBe('unlock_delayed');
    now += 1000;
    await vault.unlock(PASS);
    expect(vault.database().prepare("SELECT content FROM drafts WHERE key = 'k'").pluck().get()).toBe(
      "Amara's placement notes",
    );
    vault.lock();
  });

  it('changing the passphrase rewraps the key and leaves the database file untouched', async () => {
    const vault = await setUpVault();
    const before = readFileSync(vault.databasePath);
    await vault.unlock(PASS);
    vault.lock();
    const stillSame = readFileSync(vault.databasePath);
    await vault.unlock(PASS);
    await vault.changePassphrase(PASS, 'quiet meadow copper lighthouse');
    vault.lock();
    expect(readFileSync(vault.databasePath).equals(stillSame)).toBe(true);
    expect(before.length).toBeGreaterThan(0);
    const again = new Vault(vault.dataDir, { keychain: noKeychain });
    expect(await codeOf(again.unlock(PASS))).toBe('wrong_passphrase');
    const later = new Vault(vault.dataDir, { keychain: noKeychain, now: () => Date.now() + 60_000 });
    await later.unlock('quiet meadow copper lighthouse');
    expect(later.database().prepare("SELECT content FROM drafts WHERE key = 'k'").pluck().get()).toBe(
      "Amara's placement notes",
    );
    later.lock();
  });

  it('a missing key file is a clear problem and the database is left as it was', async () => {
    const vault = await setUpVault();
    const db = readFileSync(vault.databasePath);
    rmSync(vault.keyPath);
    const status = vault.status();
    expect(status.state === 'problem' && status.problem.code).toBe('key_file_missing');
    expect(await codeOf(vault.unlock(PASS))).toBe('key_file_missing');
    expect(await codeOf(vault.setup(PASS))).toBe('already_set_up');
    expect(readFileSync(vault.databasePath).equals(db)).toBe(true);
  });

  it('a corrupt key file is a clear problem and is not overwritten', async () => {
    const vault = await setUpVault();
    writeFileSync(vault.keyPath, '{"format":"heard-key", "version": 1, "osProt');
    const status = vault.status();
    expect(status.state === 'problem' && status.problem.code).toBe('key_file_corrupt');
    expect(await codeOf(vault.unlock(PASS))).toBe('key_file_corrupt');
    expect(readFileSync(vault.keyPath, 'utf8')).toBe('{"format":"heard-key", "version": 1, "osProt');
  });

  it('a damaged database is reported after a correct passphrase and the file is kept byte for byte', async () => {
    const vault = await setUpVault();
    const damaged = readFileSync(vault.databasePath);
    damaged.fill(0x41, 0, 4096);
    writeFileSync(vault.databasePath, damaged);
    const fresh = new Vault(vault.dataDir, { keychain: noKeychain });
    expect(await codeOf(fresh.unlock(PASS))).toBe('database_damaged');
    const status = fresh.status();
    expect(status.state === 'problem' && status.problem.message).toMatch(/damaged.*has not been changed or deleted/);
    expect(readFileSync(vault.databasePath).equals(damaged)).toBe(true);
  });

  it('a database from a newer Heard is refused and left unchanged', async () => {
    const dir = freshDir();
    const vault = new Vault(dir, { keychain: noKeychain });
    await vault.setup(PASS);
    vault.database().pragma('user_version = 9999');
    vault.lock();
    const before = readFileSync(vault.databasePath);
    const fresh = new Vault(dir, { keychain: noKeychain });
    expect(await codeOf(fresh.unlock(PASS))).toBe('database_newer');
    expect(readFileSync(vault.databasePath).equals(before)).toBe(true);
  });

  it('seals the wrapped key again with a real OS keychain, and needs it to unlock', async () => {
    const sealed = new Map<string, Buffer>();
    const keychain: Keychain = {
      isReal: true,
      encrypt: (plain) => {
        const token = Buffer.from(`sealed-${sealed.size}`);
        sealed.set(token.toString(), plain);
        return token;
      },
      decrypt: (token) => sealed.get(token.toString())!,
    };
    const dir = freshDir();
    await setUpVault(dir, keychain);
    const file = JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8')) as { osProtected: boolean; wrapped?: unknown };
    expect(file.osProtected).toBe(true);
    expect(file.wrapped).toBeUndefined();
    const elsewhere = new Vault(dir, { keychain: noKeychain });
    expect(elsewhere.status().state).toBe('problem');
    const here = new Vault(dir, { keychain });
    await here.unlock(PASS);
    here.lock();
  });
});
