import { parseArgs } from 'node:util';
import { createCore } from '../../app-core';
import type { CliCommand } from '../command';
import { CliError, passphraseFrom } from '../io';
import { cliCall, dataDirFrom } from '../open-core';

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'Create a new encrypted store in a data folder.',
  usage: 'init --data-dir DIR   (passphrase from HEARD_PASSPHRASE, or asked for)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
    const dataDir = dataDirFrom(values);
    const core = createCore({ dataDir, autoSync: false });
    try {
      if (core.vault.status().state !== 'new')
        throw new CliError(`${dataDir} already holds a Heard store. Nothing was changed.`, 2);
      const passphrase = await passphraseFrom(io, 'Choose a passphrase: ');
      if (!io.env.HEARD_PASSPHRASE) {
        const again = await io.askSecret('Type it again: ');
        if (again !== passphrase) throw new CliError('The two passphrases are not the same. Nothing was created.', 2);
      }
      await cliCall(core)('vault.setup', { passphrase });
      io.out(`Created an encrypted Heard store in ${dataDir}.`);
      return 0;
    } finally {
      core.close();
    }
  },
};
