import { existsSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Keychain } from './keychain';
import { GCM_IV_BYTES, GCM_TAG_BYTES, scryptParamsAcceptable, type WrappedKey } from './key-wrap';

/** A real key file is well under 2 KB; anything far bigger is not one, and is not read into memory. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Base64 that decodes to exactly (or at least) so many bytes: a field of the wrong size is a damaged file. */
const base64Bytes = (bytes: number, exact = true) =>
  z
    .string()
    .max(1024)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine((s) => {
      const n = Buffer.from(s, 'base64').length;
      return exact ? n === bytes : n >= bytes;
    });

/**
 * `vault-key.json`: the wrapped database key. When the OS keychain is real, the passphrase-wrapped
 * key is sealed again by it, so a copied file is useless on another machine even with the passphrase.
 */
const wrappedKeySchema = z.object({
  kdf: z
    .object({ name: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: base64Bytes(16, false) })
    .refine(scryptParamsAcceptable),
  cipher: z.object({
    name: z.literal('aes-256-gcm'),
    iv: base64Bytes(GCM_IV_BYTES),
    tag: base64Bytes(GCM_TAG_BYTES),
    // The database key is 32 bytes, and GCM's ciphertext is as long as its plaintext.
    data: base64Bytes(32),
  }),
});

const keyFileSchema = z.discriminatedUnion('osProtected', [
  z.object({
    format: z.literal('heard-key'),
    version: z.literal(1),
    osProtected: z.literal(false),
    wrapped: wrappedKeySchema,
  }),
  z.object({
    format: z.literal('heard-key'),
    version: z.literal(1),
    osProtected: z.literal(true),
    sealed: z.string().max(MAX_KEY_FILE_BYTES),
  }),
]);

export type KeyFileResult =
  { kind: 'missing' } | { kind: 'corrupt'; reason: string } | { kind: 'ok'; wrapped: WrappedKey };

export function readKeyFile(path: string, keychain: Keychain): KeyFileResult {
  if (!existsSync(path)) return { kind: 'missing' };
  let parsed: z.infer<typeof keyFileSchema>;
  try {
    if (statSync(path).size > MAX_KEY_FILE_BYTES) throw new RangeError('key file too large');
    parsed = keyFileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return { kind: 'corrupt', reason: 'The key file is not in the expected format.' };
  }
  if (!parsed.osProtected) return { kind: 'ok', wrapped: parsed.wrapped };
  if (!keychain.isReal) return { kind: 'corrupt', reason: 'The key file was sealed by another computer’s keychain.' };
  try {
    const inner = JSON.parse(keychain.decrypt(Buffer.from(parsed.sealed, 'base64')).toString('utf8')) as unknown;
    return { kind: 'ok', wrapped: wrappedKeySchema.parse(inner) };
  } catch {
    return { kind: 'corrupt', reason: 'This computer’s keychain could not open the key file.' };
  }
}

export function writeKeyFile(path: string, wrapped: WrappedKey, keychain: Keychain): void {
  const file = keychain.isReal
    ? {
        format: 'heard-key',
        version: 1,
        osProtected: true,
        sealed: keychain.encrypt(Buffer.from(JSON.stringify(wrapped))).toString('base64'),
      }
    : { format: 'heard-key', version: 1, osProtected: false, wrapped };
  writeFileAtomic(path, JSON.stringify(file, null, 2));
}
