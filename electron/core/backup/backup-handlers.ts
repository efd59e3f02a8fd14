import { isAbsolute } from 'node:path';
import type { backupMethods } from '../../../shared/ipc/backup';
import { AppError } from '../../../shared/ipc/errors';
import { appendAudit } from '../audit/audit-log';
import type { HandlersFor } from '../ipc/handler-types';
import { createBackup } from './create-backup';
import { inspectBackup, restoreBackup } from './restore-backup';

const mustBeAbsolute = (path: string): void => {
  if (!isAbsolute(path)) throw new AppError('invalid_input', 'Give the full place of the backup file, starting from the drive or the top folder.', { fields: { path: 'Give the full place.' } });
};

export const backupHandlers: HandlersFor<keyof typeof backupMethods> = {
  'backup.create': async (input, ctx) => {
    mustBeAbsolute(input.path);
    const result = await createBackup({
      vault: ctx.vault,
      db: ctx.db(),
      storePassphrase: input.passphrase,
      backupPassphrase: input.backupPassphrase,
      outPath: input.path,
      now: ctx.now(),
    });
    appendAudit(ctx.db(), ctx.deviceId(), ctx.now(), [{ action: 'backup-made', method: 'backup.create' }]);
    return result;
  },
  'backup.restore': async (input, ctx) => {
    mustBeAbsolute(input.path);
    const state = ctx.vault.status().state;
    // A healthy store behind the lock screen can only be replaced by someone who can unlock it.
    if (state === 'locked') throw new AppError('forbidden', 'Unlock Heard first, then restore the backup from Data protection.');
    if ((state === 'unlocked' || state === 'problem') && !input.replace) {
      throw new AppError('conflict', 'This computer already holds Heard records. Confirm that they should be set aside before restoring; nothing has been changed.');
    }
    inspectBackup(input.path);
    if (state === 'unlocked') ctx.vault.lock('restore');
    const result = await restoreBackup({
      vault: ctx.vault,
      backupPath: input.path,
      backupPassphrase: input.backupPassphrase,
      newPassphrase: input.newPassphrase,
      replace: input.replace,
      now: ctx.now(),
    });
    return { backupCreatedAt: result.backupCreatedAt, setAside: result.setAside.length };
  },
};
