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

/**
 * What a file read from disk may ask of scrypt. The parameters sit beside the wrapped key, so a
 * crafted file could otherwise ask for gigabytes of memory or hours of work before anything is
 * verified. The floor keeps a tampered file from making guessing cheap.
 */
export const SCRYPT_LIMITS = {
  minN: 2 ** 14,
  maxN: 2 ** 20,
  maxR: 16,
  maxP: 4,
  maxMemoryBytes: 256 * 1024 * 1024,
} as const;

/** Always 16 bytes: Node accepts tags as short as 4 unless told otherwise, and a short tag is forgeable. */
export const GCM_TAG_BYTES = 16;
export const GCM_IV_BYTES = 12;

const scryptMemory = (params: ScryptParams): number => 128 * params.N * params.r;

export function scryptParamsAcceptable(params: ScryptParams): boolean {
  const { N, r, p } = params;
  if (![N, r, p].every(Number.isSafeInteger)) return false;
  // N must be a power of two for scrypt itself.
  if (N < SCRYPT_LIMITS.minN || N > SCRYPT_LIMITS.maxN || (N & (N - 1)) !== 0) return false;
  if (r < 1 || r > SCRYPT_LIMITS.maxR || p < 1 || p > SCRYPT_LIMITS.maxP) return false;
  return scryptMemory(params) <= SCRYPT_LIMITS.maxMemoryBytes;
}

/** Derives a 32-byte key from a passphrase. Tests pass a counting wrapper of the real one. */
export type Kdf = (passphrase: string, salt: Buffer, params: ScryptParams) => Promise<Buffer>;

export const deriveWrappingKey: Kdf = (passphrase, salt, params) => {
  if (!scryptParamsAcceptable(params)) return Promise.reject(new RangeError('scrypt parameters out of bounds'));
  const maxmem = 2 * scryptMemory(params) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
};

export interface WrappedKey {
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string; tag: string; data: string };
}

const AAD = Buffer.from('heard database key v1');

export async function wrapKey(
  dbKey: Buffer,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
  kdf: Kdf = deriveWrappingKey,
): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const iv = randomBytes(GCM_IV_BYTES);
  const kek = await kdf(passphrase, salt, params);
  try {
    const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: GCM_TAG_BYTES });
    cipher.setAAD(AAD);
    const data = Buffer.concat([cipher.update(dbKey), cipher.final()]);
    return {
      kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
      cipher: {
        name: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        data: data.toString('base64'),
      },
    };
  } finally {
    kek.fill(0);
  }
}

/** Returns the database key, or null when the passphrase is wrong. */
export async function unwrapKey(
  wrapped: WrappedKey,
  passphrase: string,
  kdf: Kdf = deriveWrappingKey,
): Promise<Buffer | null> {
  const { N, r, p } = wrapped.kdf;
  const tag = Buffer.from(wrapped.cipher.tag, 'base64');
  // Refused before the slow derivation: no passphrase can make a short tag trustworthy.
  if (tag.length !== GCM_TAG_BYTES) return null;
  const kek = await kdf(passphrase, Buffer.from(wrapped.kdf.salt, 'base64'), { N, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.cipher.iv, 'base64'), {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.cipher.data, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export const newDatabaseKey = (): Buffer => randomBytes(32);
