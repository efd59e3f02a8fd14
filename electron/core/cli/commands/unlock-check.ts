import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { dataDirFrom, withStore } from '../open-core';

export const unlockCheckCommand: CliCommand = {
  name: 'unlock-check',
  summary: 'Check that the passphrase opens the store (exit 0) or say why not.',
  usage: 'unlock-check --data-dir DIR   (passphrase from HEARD_PASSPHRASE, or asked for)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
    return withStore(dataDirFrom(values), io, async () => {
      io.out('The passphrase opens this store.');
      return 0;
    });
  },
};
