import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { backupMethods } from '../../../shared/ipc/backup';
import { todayIso } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/errors';
import { appendAudit } from '../audit/audit-log';
import type { CoreContext, HandlersFor } from '../ipc/handler-types';
import { createBackup } from './create-backup';
import { BACKUP_EXTENSION } from './file-dialogs';
import { inspectBackup, restoreBackup } from './restore-backup';

/** A path the page sent: where dialogs exist it must be one the advocate picked in them. */
function checkedPath(ctx: CoreContext, path: string): string {
  if (!isAbsolute(path))
    throw new AppError(
      'invalid_input',
      'Give the full place of the backup file, starting from the drive or the top folder.',
      { fields: { path: 'Give the full place.' } },
    );
  if (ctx.chosenPaths && !ctx.chosenPaths.has(path)) {
    throw new AppError('invalid_input', 'Choose the backup file with the “Choose…” button.', {
      fields: { path: 'Choose the file with the button.' },
    });
  }
  return path;
}

/**
 * Runs `fn` with a private folder for a backup passing through the page (a download or an
 * upload). The file in it is encrypted under the backup passphrase, and is removed afterwards
 * whatever happens.
 */
async function withScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), SCRATCH_PREFIX));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Named so a test can see that nothing is left behind. */
export const SCRATCH_PREFIX = 'heard-backup-transfer-';

const backupName = (now: Date) => `heard-backup-${todayIso(now)}.${BACKUP_EXTENSION}`;

export const backupHandlers: HandlersFor<keyof typeof backupMethods> = {
  'backup.fileAccess': (_input, ctx) => ({ mode: ctx.fileDialogs ? 'dialog' : 'browser' }),
  'backup.chooseFile': async (input, ctx) => {
    const dialogs = ctx.fileDialogs;
    if (!dialogs)
      throw new AppError(
        'invalid_input',
        'This computer has no file dialog here: the backup is downloaded, and restored by choosing the file to upload.',
      );
    const path =
      input.purpose === 'save'
        ? await dialogs.chooseSaveFile({ title: 'Save the backup', defaultName: backupName(ctx.now()) })
        : await dialogs.chooseOpenFile({ title: 'Choose the backup to restore' });
    if (path) ctx.chosenPaths?.remember(path);
    return { path };
  },
  'backup.create': async (input, ctx) => {
    const make = (outPath: string) =>
      createBackup({
        vault: ctx.vault,
        db: ctx.db(),
        storePassphrase: input.passphrase,
        backupPassphrase: input.backupPassphrase,
        outPath,
        now: ctx.now(),
      });
    let result: {
      path: string | null;
      bytes: number;
      createdAt: string;
      download: { fileName: string; base64: string } | null;
    };
    if (input.path !== undefined) {
      result = { ...(await make(checkedPath(ctx, input.path))), download: null };
    } else {
      if (ctx.fileDialogs)
        throw new AppError('invalid_input', 'Choose where to save the backup with the “Choose…” button.', {
          fields: { path: 'Choose where to save it.' },
        });
      const fileName = backupName(ctx.now());
      result = await withScratch(async (dir) => {
        const made = await make(join(dir, fileName));
        return {
          path: null,
          bytes: made.bytes,
          createdAt: made.createdAt,
          download: { fileName, base64: readFileSync(made.path).toString('base64') },
        };
      });
    }
    appendAudit(ctx.db(), ctx.deviceId(), ctx.now(), [
      { action: 'backup-made', method: 'backup.create', detail: result.download ? 'downloaded' : null },
    ]);
    return result;
  },
  'backup.restore': async (input, ctx) => {
    const state = ctx.vault.status().state;
    // A healthy store behind the lock screen can only be replaced by someone who can unlock it.
    if (state === 'locked')
      throw new AppError('forbidden', 'Unlock Heard first, then restore the backup from Data protection.');
    if ((state === 'unlocked' || state === 'problem') && !input.replace) {
      throw new AppError(
        'conflict',
        'This computer already holds Heard records. Confirm that they should be set aside before restoring; nothing has been changed.',
      );
    }
    const restoreFrom = async (backupPath: string) => {
      inspectBackup(backupPath);
      if (state === 'unlocked') ctx.vault.lock('restore');
      const result = await restoreBackup({
        vault: ctx.vault,
        backupPath,
        backupPassphrase: input.backupPassphrase,
        newPassphrase: input.newPassphrase,
        replace: input.replace,
        now: ctx.now(),
      });
      return { backupCreatedAt: result.backupCreatedAt, setAside: result.setAside.length };
    };
    if (input.path !== undefined) return restoreFrom(checkedPath(ctx, input.path));
    const upload = input.upload!;
    if (ctx.fileDialogs)
      throw new AppError('invalid_input', 'Choose the backup with the “Choose…” button.', {
        fields: { path: 'Choose the backup file.' },
      });
    return withScratch(async (dir) => {
      const path = join(dir, `upload.${BACKUP_EXTENSION}`);
      writeFileSync(path, Buffer.from(upload.base64, 'base64'), { mode: 0o600 });
      return restoreFrom(path);
    });
  },
};
