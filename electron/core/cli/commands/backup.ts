import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { CliError, passphraseFrom, type CliIo } from '../io';
import { dataDirFrom, withStore } from '../open-core';

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
    const out = resolve(values.out);
    return withStore(dataDirFrom(values), io, async (call) => {
      const passphrase = await passphraseFrom(io);
      const backupPassphrase = await backupPassphraseFrom(io);
      const result = await call('backup.create', { path: out, passphrase, backupPassphrase });
      io.out(
        `Wrote an encrypted backup to ${result.path} (${result.bytes} bytes). Keep the backup passphrase somewhere safe: without it the backup cannot be opened.`,
      );
      return 0;
    });
  },
};
