import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/**
 * The database key is 32 random bytes that never touch disk in the clear. On disk it is wrapped
 * with AES-256-GCM under a key derived from the passphrase with scrypt. GCM's tag tells a wrong
 * passphrase apart from a damaged database: if the tag verifies, the passphrase was right.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** 2^17 costs ~128 MiB and a few hundred milliseconds: slow for guessing, quick enough to unlock. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export interface WrappedKey {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string; data: string };
}

const AAD = Buffer.from('heard database key v1');

export function deriveWrappingKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function wrapKey(dbKey: Buffer, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveWrappingKey(passphrase, salt, params);
  try {
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(AAD);
    const data = Buffer.concat([cipher.update(dbKey), cipher.final()]);
    return {
      kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
      cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') },
    };
  } finally {
    kek.fill(0);
  }
}

/** Returns the database key, or null when the passphrase is wrong. */
export async function unwrapKey(wrapped: WrappedKey, passphrase: string): Promise<Buffer | null> {
  const { N, r, p } = wrapped.kdf;
  const kek = await deriveWrappingKey(passphrase, Buffer.from(wrapped.kdf.salt, 'base64'), { N, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.cipher.iv, 'base64'));
    decipher.setAAD(AAD);
    decipher.setAuthTag(Buffer.from(wrapped.cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.cipher.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export const newDatabaseKey = (): Buffer => randomBytes(32);
