import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Keychain } from './keychain';
import type { WrappedKey } from './key-wrap';

/**
 * `vault-key.json`: the wrapped database key. When the OS keychain is real, the passphrase-wrapped
 * key is sealed again by it, so a copied file is useless on another machine even with the passphrase.
 */
const wrappedKeySchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 14),
    r: z.number().int().min(1),
    p: z.number().int().min(1),
    salt: z.string().min(16),
  }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: z.string(), tag: z.string(), data: z.string() }),
});

const keyFileSchema = z.discriminatedUnion('osProtected', [
  z.object({ format: z.literal('heard-key'), version: z.literal(1), osProtected: z.literal(false), wrapped: wrappedKeySchema }),
  z.object({ format: z.literal('heard-key'), version: z.literal(1), osProtected: z.literal(true), sealed: z.string() }),
]);

export type KeyFileResult =
  | { kind: 'missing' }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'ok'; wrapped: WrappedKey };

export function readKeyFile(path: string, keychain: Keychain): KeyFileResult {
  if (!existsSync(path)) return { kind: 'missing' };
  let parsed: z.infer<typeof keyFileSchema>;
  try {
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
    ? { format: 'heard-key', version: 1, osProtected: true, sealed: keychain.encrypt(Buffer.from(JSON.stringify(wrapped))).toString('base64') }
    : { format: 'heard-key', version: 1, osProtected: false, wrapped };
  writeFileAtomic(path, JSON.stringify(file, null, 2));
}
