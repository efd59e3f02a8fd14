import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../../shared/ipc/errors';
import { appendAudit } from '../../audit/audit-log';
import { createBackup } from '../../backup/create-backup';
import type { CliCommand } from '../command';
import { CliError, passphraseFrom, type CliIo } from '../io';
import { dataDirFrom, unlockedCore } from '../open-core';

/** The backup passphrase from HEARD_BACKUP_PASSPHRASE, or asked for without echo. */
export async function backupPassphraseFrom(io: CliIo, prompt = 'Backup passphrase: '): Promise<string> {
  const fromEnv = io.env.HEARD_BACKUP_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return io.askSecret(prompt);
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write an encrypted backup of the store, protected by its own passphrase.',
  usage: 'backup --data-dir DIR --out FILE   (HEARD_PASSPHRASE for the store, HEARD_BACKUP_PASSPHRASE for the backup)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, out: { type: 'string' } } });
    if (!values.out) throw new CliError('Say where to write the backup with --out FILE.', 2);
    const core = await unlockedCore(dataDirFrom(values), io);
    try {
      const storePassphrase = await passphraseFrom(io);
      const backupPassphrase = await backupPassphraseFrom(io);
      const db = core.context.db();
      const result = await createBackup({ vault: core.vault, db, storePassphrase, backupPassphrase, outPath: resolve(values.out), now: new Date() });
      appendAudit(db, core.context.deviceId(), new Date(), [{ action: 'backup-made', method: 'cli backup' }]);
      io.out(`Wrote an encrypted backup to ${result.path} (${result.bytes} bytes). Keep the backup passphrase somewhere safe: without it the backup cannot be opened.`);
      return 0;
    } catch (e) {
      if (e instanceof AppError) throw new CliError(e.message, 2);
      throw e;
    } finally {
      core.close();
    }
  },
};
