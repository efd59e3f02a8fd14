import { z } from 'zod';
import { notAudited, recordsItself } from './audit-spec';
import { method } from './define';

const filePath = z.string().trim().min(1, 'Choose where the backup file is.').max(4096).describe('Backup file');
const secret = (label: string) => z.string().min(1, `Enter the ${label}.`).max(1024).describe(label);
/** A backup file carried through the page (the web host's upload), base64. */
const uploadSchema = z
  .object({
    fileName: z.string().max(500),
    base64: z
      .string()
      .min(1, 'Choose the backup file.')
      .max(28_000_000, 'That file is too big to be a Heard backup here.'),
  })
  .strict();

/**
 * Encrypted backups: a file protected by its own passphrase, restorable on a new computer. Where
 * the computer's file dialogs are available the advocate picks the file with them; otherwise the
 * backup is downloaded, and restored by uploading it.
 */
export const backupMethods = {
  'backup.fileAccess': method(z.object({}).strict(), z.object({ mode: z.enum(['dialog', 'browser']) }), {
    needsUnlock: false,
    audit: notAudited('whether this computer picks files with its own dialogs; nothing about a child'),
  }),
  'backup.chooseFile': method(
    z.object({ purpose: z.enum(['save', 'open']) }).strict(),
    z.object({ path: z.string().nullable() }),
    {
      needsUnlock: false,
      audit: notAudited("opens the computer's file dialog; the backup made with the file is recorded"),
    },
  ),
  'backup.create': method(
    z
      .object({
        /** Chosen in the file dialog; left out where there is none, and the backup comes back to be downloaded. */
        path: filePath.optional(),
        /** The store's passphrase again: a copy that can leave this computer needs the owner's say-so. */
        passphrase: secret('your passphrase'),
        backupPassphrase: secret('backup passphrase'),
      })
      .strict(),
    z.object({
      path: z.string().nullable(),
      bytes: z.number().int().nonnegative(),
      createdAt: z.string(),
      download: z.object({ fileName: z.string(), base64: z.string() }).nullable(),
    }),
    { audit: recordsItself('writes its own "backup made" entry') },
  ),
  'backup.restore': method(
    z
      .object({
        path: filePath.optional(),
        upload: uploadSchema.optional(),
        backupPassphrase: secret('backup passphrase'),
        newPassphrase: secret('new passphrase'),
        /** The advocate confirmed that the records on this computer may be set aside (kept, renamed). */
        replace: z.boolean().default(false),
      })
      .strict()
      .refine((i) => (i.path === undefined) !== (i.upload === undefined), {
        message: 'Choose the backup file.',
        path: ['path'],
      }),
    z.object({ backupCreatedAt: z.string(), setAside: z.number().int().nonnegative() }),
    { needsUnlock: false, audit: recordsItself('the restored store records its own "restored" entry') },
  ),
};
