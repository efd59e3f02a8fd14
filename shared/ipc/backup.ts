import { z } from 'zod';
import { recordsItself } from './audit-spec';
import { method } from './define';

const filePath = z.string().trim().min(1, 'Say where the backup file is.').max(4096).describe('Backup file');
const secret = (label: string) => z.string().min(1, `Enter the ${label}.`).max(1024).describe(label);

/** Encrypted backups: a file protected by its own passphrase, restorable on a new computer. */
export const backupMethods = {
  'backup.create': method(
    z
      .object({
        path: filePath,
        /** The store's passphrase again: a copy that can leave this computer needs the owner's say-so. */
        passphrase: secret('your passphrase'),
        backupPassphrase: secret('backup passphrase'),
      })
      .strict(),
    z.object({ path: z.string(), bytes: z.number().int().nonnegative(), createdAt: z.string() }),
    { audit: recordsItself('writes its own "backup made" entry') },
  ),
  'backup.restore': method(
    z
      .object({
        path: filePath,
        backupPassphrase: secret('backup passphrase'),
        newPassphrase: secret('new passphrase'),
        /** The advocate confirmed that the records on this computer may be set aside (kept, renamed). */
        replace: z.boolean().default(false),
      })
      .strict(),
    z.object({ backupCreatedAt: z.string(), setAside: z.number().int().nonnegative() }),
    { needsUnlock: false, audit: recordsItself('the restored store records its own "restored" entry') },
  ),
};
