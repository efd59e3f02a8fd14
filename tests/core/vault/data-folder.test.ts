import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { noKeychain } from '../../../electron/core/vault/keychain';
import { Vault } from '../../../electron/core/vault/vault';
import { FAST, PASS, freshDir, lockedVault } from './vault-helpers';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** Every file directly in the folder, with its permission bits, e.g. { 'heard.db': 0o600 }. */
function modes(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, modeOf(join(dir, name))]));
}

describe.skipIf(process.platform === 'win32')('the data folder is this user’s only', () => {
  it('is created 0700 and the store, its logs, key and throttle files 0600', async () => {
    const dir = join(freshDir(), 'Heard');
    const core = createCore({ dataDir: dir, autoSync: false });
    expect(modeOf(dir)).toBe(0o700);
    core.close();

    const vault = new Vault(dir, { keychain: noKeychain, scrypt: FAST });
    await vault.setup(PASS);
    expect(await vault.checkPassphrase('someone else guessing')).toBe(false);
    // While open, SQLite's write-ahead log and shared-memory files exist beside the store.
    const open = modes(dir);
    expect(Object.keys(open)).toEqual(
      expect.arrayContaining(['heard.db', 'heard.db-wal', 'heard.db-shm', 'vault-key.json', 'unlock-throttle.json']),
    );
    for (const [name, mode] of Object.entries(open)) expect([name, mode.toString(8)]).toEqual([name, '600']);
    vault.lock();
    expect(modeOf(dir)).toBe(0o700);
  });

  it('an existing folder left open to others by an older Heard is tightened when Heard starts', async () => {
    const { vault } = await lockedVault();
    const dir = vault.dataDir;
    chmodSync(dir, 0o755);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
    writeFileSync(join(dir, 'settings.json'), '{}', { mode: 0o666 });
    chmodSync(join(dir, 'settings.json'), 0o666);
    mkdirSync(join(dir, 'exports'), { mode: 0o755 });

    const core = createCore({ dataDir: dir, autoSync: false });
    expect(modeOf(dir)).toBe(0o700);
    for (const [name, mode] of Object.entries(modes(dir))) {
      if (name === 'exports') continue;
      expect([name, mode.toString(8)]).toEqual([name, '600']);
    }
    core.close();
  });

  it('unlocking tightens files loosened while Heard was running, and never loosens a stricter one', async () => {
    const { vault, clock } = await lockedVault();
    chmodSync(vault.databasePath, 0o664);
    chmodSync(vault.keyPath, 0o400);
    const again = new Vault(vault.dataDir, { keychain: noKeychain, now: () => clock.now });
    await again.unlock(PASS);
    expect(modeOf(vault.databasePath)).toBe(0o600);
    expect(modeOf(vault.keyPath)).toBe(0o400);
    again.lock();
  });
});
