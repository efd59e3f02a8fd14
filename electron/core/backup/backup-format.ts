import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveWrappingKey, GCM_TAG_BYTES, scryptParamsAcceptable, type ScryptParams } from '../vault/key-wrap';

/**
 * A Heard backup file, which holds only ciphertext:
 *
 *   <header JSON>\n  <body: AES-256-GCM of the store's encrypted database file>  <16-byte GCM tag>
 *
 * A backup key is derived from the backup passphrase with scrypt. The header carries the scrypt
 * salt and parameters and the database key sealed under the backup key (AES-256-GCM, so a wrong
 * passphrase is told apart from a damaged file). The body encrypts the database file's bytes,
 * which are already ciphertext under the database key, with the header as associated data: any
 * change to the header or body fails the final tag check, and nothing is trusted before it.
 */
export const BACKUP_FORMAT = 'heard-backup';
export const BACKUP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export const TAG_BYTES = 16;
/** The header is small; refuse to read far into a file that is not a backup. */
export const MAX_HEADER_BYTES = 16 * 1024;

const KEY_AAD = Buffer.from('heard backup database key v1');

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
  .max(1024);

export const backupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(1),
    createdAt: z.string().max(40),
    /** The store's schema version (`user_version`) when the backup was made. */
    schemaVersion: z.number().int().nonnegative(),
    kdf: z
      .object({
        name: z.literal('scrypt'),
        // Bounds keep a crafted file from making restore use gigabytes of memory.
        N: z
          .number()
          .int()
          .min(2 ** 14)
          .max(2 ** 20),
        r: z.number().int().min(1).max(16),
        p: z.number().int().min(1).max(4),
        salt: b64,
      })
      .refine(scryptParamsAcceptable),
    key: z.object({ iv: b64, tag: b64, data: b64 }),
    body: z.object({ cipher: z.literal('aes-256-gcm'), iv: b64, bytes: z.number().int().nonnegative() }),
  })
  .strict();
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export async function backupKeyFrom(passphrase: string, kdf: BackupHeader['kdf']): Promise<Buffer> {
  return deriveWrappingKey(passphrase, Buffer.from(kdf.salt, 'base64'), { N: kdf.N, r: kdf.r, p: kdf.p });
}

export function sealDatabaseKey(backupKey: Buffer, dbKey: Buffer): BackupHeader['key'] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', backupKey, iv);
  cipher.setAAD(KEY_AAD);
  const data = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The database key, or null when the backup passphrase is wrong. */
export function openDatabaseKey(backupKey: Buffer, sealed: BackupHeader['key']): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', backupKey, Buffer.from(sealed.iv, 'base64'), {
      authTagLength: GCM_TAG_BYTES,
    });
    decipher.setAAD(KEY_AAD);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

export const encodeHeader = (header: BackupHeader): Buffer => Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
