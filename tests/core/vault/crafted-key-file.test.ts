import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  deriveWrappingKey,
  newDatabaseKey,
  unwrapKey,
  wrapKey,
  type WrappedKey,
} from '../../../electron/core/vault/key-wrap';
import { noKeychain } from '../../../electron/core/vault/keychain';
import { Vault } from '../../../electron/core/vault/vault';
import { CountingKdf, FAST, PASS, codeOf, lockedVault } from './vault-helpers';

interface PlainKeyFile {
  format: 'heard-key';
  version: 1;
  osProtected: false;
  wrapped: WrappedKey;
}

const b64 = (n: number): string => Buffer.alloc(n, 7).toString('base64');

/** Each a change an attacker with write access to the folder could make to the key file. */
const crafted: [string, (w: WrappedKey) => WrappedKey][] = [
  ['scrypt N of 2^30 (a terabyte of memory)', (w) => ({ ...w, kdf: { ...w.kdf, N: 2 ** 30 } })],
  ['scrypt N of 2^21, just past the limit', (w) => ({ ...w, kdf: { ...w.kdf, N: 2 ** 21 } })],
  ['scrypt N that is not a power of two', (w) => ({ ...w, kdf: { ...w.kdf, N: 2 ** 15 + 1 } })],
  ['scrypt N below the floor (cheap guessing)', (w) => ({ ...w, kdf: { ...w.kdf, N: 2 ** 10 } })],
  ['scrypt r of a million', (w) => ({ ...w, kdf: { ...w.kdf, r: 1_000_000 } })],
  ['scrypt p of a million (hours of work)', (w) => ({ ...w, kdf: { ...w.kdf, p: 1_000_000 } })],
  ['scrypt N 2^20 with r 16 (2 GiB)', (w) => ({ ...w, kdf: { ...w.kdf, N: 2 ** 20, r: 16 } })],
  ['a 4-byte tag', (w) => ({ ...w, cipher: { ...w.cipher, tag: b64(4) } })],
  [
    'the real tag cut to its first 8 bytes',
    (w) => ({
      ...w,
      cipher: { ...w.cipher, tag: Buffer.from(w.cipher.tag, 'base64').subarray(0, 8).toString('base64') },
    }),
  ],
  ['a 20-byte tag', (w) => ({ ...w, cipher: { ...w.cipher, tag: b64(20) } })],
  ['an empty tag', (w) => ({ ...w, cipher: { ...w.cipher, tag: '' } })],
  ['a 16-byte IV', (w) => ({ ...w, cipher: { ...w.cipher, iv: b64(16) } })],
  ['a wrapped key of 64 bytes', (w) => ({ ...w, cipher: { ...w.cipher, data: b64(64) } })],
  ['a 4-byte salt', (w) => ({ ...w, kdf: { ...w.kdf, salt: b64(4) } })],
  ['a tag that is not base64', (w) => ({ ...w, cipher: { ...w.cipher, tag: '¿not base64?' } })],
];

describe('a crafted key file', () => {
  it.each(crafted)(
    'with %s gets the key-file problem screen, costs no key derivation and is not rewritten',
    async (_name, craft) => {
      const { vault, kdf } = await lockedVault();
      const file = JSON.parse(readFileSync(vault.keyPath, 'utf8')) as PlainKeyFile;
      const text = JSON.stringify({ ...file, wrapped: craft(file.wrapped) });
      writeFileSync(vault.keyPath, text);

      const status = vault.status();
      expect(status.state === 'problem' && status.problem.code).toBe('key_file_corrupt');
      expect(status.state === 'problem' && status.problem.message).toMatch(
        /key file that unlocks your records \(vault-key\.json\) is damaged/,
      );
      expect(await codeOf(vault.unlock(PASS))).toBe('key_file_corrupt');
      expect(kdf.calls).toBe(0);
      expect(readFileSync(vault.keyPath, 'utf8')).toBe(text);
    },
  );

  it('that is enormous is not read into memory', async () => {
    const { vault, kdf } = await lockedVault();
    const file = JSON.parse(readFileSync(vault.keyPath, 'utf8')) as PlainKeyFile;
    writeFileSync(vault.keyPath, JSON.stringify({ ...file, padding: 'x'.repeat(1024 * 1024) }));
    const fresh = new Vault(vault.dataDir, { keychain: noKeychain, kdf: kdf.kdf });
    expect(fresh.status().state === 'problem').toBe(true);
    expect(await codeOf(fresh.unlock(PASS))).toBe('key_file_corrupt');
    expect(kdf.calls).toBe(0);
  });
});

describe('the key wrap itself', () => {
  it('refuses a shortened tag even with the right passphrase (Node would accept it unless the length is pinned)', async () => {
    const key = newDatabaseKey();
    const wrapped = await wrapKey(key, PASS, FAST);
    expect((await unwrapKey(wrapped, PASS))?.equals(key)).toBe(true);
    for (const bytes of [4, 8, 12, 15]) {
      const shortTag = Buffer.from(wrapped.cipher.tag, 'base64').subarray(0, bytes).toString('base64');
      expect(await unwrapKey({ ...wrapped, cipher: { ...wrapped.cipher, tag: shortTag } }, PASS)).toBeNull();
    }
  });

  it('will not run scrypt with parameters beyond its limits, whoever asks', async () => {
    const counting = new CountingKdf();
    await expect(deriveWrappingKey(PASS, Buffer.alloc(16), { N: 2 ** 24, r: 8, p: 1 })).rejects.toThrow(
      /out of bounds/,
    );
    await expect(deriveWrappingKey(PASS, Buffer.alloc(16), { N: 2 ** 17, r: 8, p: 64 })).rejects.toThrow(
      /out of bounds/,
    );
    expect((await counting.kdf(PASS, Buffer.alloc(16), FAST)).length).toBe(32);
  });
});
