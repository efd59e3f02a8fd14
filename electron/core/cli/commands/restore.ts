import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../../shared/ipc/errors';
import { createCore } from '../../app-core';
import { restoreBackup } from '../../backup/restore-backup';
import type { CliCommand } from '../command';
import { CliError, passphraseFrom } from '../io';
import { dataDirFrom } from '../open-core';
import { backupPassphraseFrom } from './backup';

/**
 * The one store command that does not go through `core.call`: it makes a store rather than working
 * in one. The app's `backup.restore` refuses to replace a locked store (the window must prove it can
 * unlock it first), while here the passphrase given is the restored store's new one and the person
 * at the command line already holds the files. The restored store records its own "restored" entry.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore an encrypted backup into a data folder (a new one, or --replace to set the existing store aside).',
  usage:
    'restore FILE --data-dir DIR [--replace]   (HEARD_BACKUP_PASSPHRASE for the backup, HEARD_PASSPHRASE for the restored store)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, replace: { type: 'boolean', default: false } },
    });
    const file = positionals[0];
    if (!file || positionals.length > 1)
      throw new CliError('Say which backup file to restore: restore FILE --data-dir DIR', 2);
    const dataDir = dataDirFrom(values);
    const core = createCore({ dataDir });
    try {
      const state = core.vault.status().state;
      if (state !== 'new' && !values.replace) {
        throw new CliError(
          `${dataDir} already holds a Heard store. Nothing was changed. To set it aside (it is kept, renamed) and restore over it, add --replace.`,
          2,
        );
      }
      const backupPassphrase = await backupPassphraseFrom(io);
      const newPassphrase = await passphraseFrom(io, 'New passphrase for the restored store: ');
      const result = await restoreBackup({
        vault: core.vault,
        backupPath: resolve(file),
        backupPassphrase,
        newPassphrase,
        replace: values.replace ?? false,
        now: new Date(),
      });
      io.out(
        `Restored the backup made on ${result.backupCreatedAt} into ${dataDir}. It opens with the new passphrase.`,
      );
      for (const f of result.setAside) io.out(`Kept the replaced file as ${f}`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) throw new CliError(e.message, e.code === 'wrong_passphrase' ? 4 : 2);
      throw e;
    } finally {
      core.close();
    }
  },
};
