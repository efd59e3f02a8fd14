import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, newDatabaseKey, unwrapKey, wrapKey } from '../../../electron/core/vault/key-wrap';

// Low cost here only: these tests are about the wrapping format, not the KDF's strength.
const FAST = { N: 2 ** 14, r: 8, p: 1 };

describe('database key wrapping', () => {
  it('defaults to scrypt N = 2^17, r = 8, p = 1 or stronger', () => {
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(8);
  });

  it('unwraps with the right passphrase and refuses a wrong one', async () => {
    const key = newDatabaseKey();
    const wrapped = await wrapKey(key, 'blue sofa under the stairs', FAST);
    expect((await unwrapKey(wrapped, 'blue sofa under the stairs'))?.equals(key)).toBe(true);
    expect(await unwrapKey(wrapped, 'blue sofa under the stair')).toBeNull();
  });

  it('never stores the key in the clear and uses a fresh salt and IV each time', async () => {
    const key = newDatabaseKey();
    const a = await wrapKey(key, 'blue sofa under the stairs', FAST);
    const b = await wrapKey(key, 'blue sofa under the stairs', FAST);
    expect(JSON.stringify(a)).not.toContain(key.toString('base64'));
    expect(JSON.stringify(a)).not.toContain(key.toString('hex'));
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
  });

  it('detects tampering with the wrapped key', async () => {
    const wrapped = await wrapKey(newDatabaseKey(), 'blue sofa under the stairs', FAST);
    const data = Buffer.from(wrapped.cipher.data, 'base64');
    data[0] = data[0]! ^ 1;
    expect(
      await unwrapKey(
        { ...wrapped, cipher: { ...wrapped.cipher, data: data.toString('base64') } },
        'blue sofa under the stairs',
      ),
    ).toBeNull();
  });

  it('treats the passphrase in Unicode normal form, so the same words typed differently still unlock', async () => {
    const key = newDatabaseKey();
    const wrapped = await wrapKey(key, 'café au lait sur la table', FAST);
    expect((await unwrapKey(wrapped, 'cafe\u0301 au lait sur la table'))?.equals(key)).toBe(true);
  });
});
