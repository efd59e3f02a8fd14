import { parseArgs } from 'node:util';
import { createDemoData } from '../../caseload/demo-data';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, unlockedCore } from '../open-core';

export const demoDataCommand: CliCommand = {
  name: 'demo-data',
  summary: 'Fill a store with invented referrals for trying Heard (never use on a real store).',
  usage: 'demo-data --data-dir DIR [--referrals N] [--seed S]   (default 12000 referrals; passphrase from HEARD_PASSPHRASE)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, referrals: { type: 'string', default: '12000' }, seed: { type: 'string' } } });
    const count = Number(values.referrals);
    if (!Number.isInteger(count) || count < 1 || count > 200_000) throw new CliError('--referrals must be a whole number from 1 to 200000.', 2);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new CliError('--seed must be a whole number.', 2);
    const core = await unlockedCore(dataDirFrom(values), io);
    try {
      const started = Date.now();
      const made = createDemoData(core.context, {
        referrals: count,
        seed,
        onProgress: (done, total) => {
          if (done % 2000 === 0 || done === total) io.err(`${done} of ${total} referrals…`);
        },
      });
      io.out(`Made ${made.referrals} invented referrals for ${made.people} people and ${made.advocates} advocates in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    } finally {
      core.close();
    }
  },
};
