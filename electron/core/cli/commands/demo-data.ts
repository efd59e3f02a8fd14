import { parseArgs } from 'node:util';
import { DEMO_DATA_CONFIRMATION } from '../../../../shared/ipc/caseload';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, withStore } from '../open-core';

export const demoDataCommand: CliCommand = {
  name: 'demo-data',
  summary: 'Fill a store with invented referrals for trying Heard (never use on a real store).',
  usage:
    'demo-data --data-dir DIR [--referrals N] [--seed S]   (default 12000 referrals; passphrase from HEARD_PASSPHRASE)',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        'data-dir': { type: 'string' },
        referrals: { type: 'string', default: '12000' },
        seed: { type: 'string' },
      },
    });
    const count = Number(values.referrals);
    if (!Number.isInteger(count) || count < 1 || count > 200_000)
      throw new CliError('--referrals must be a whole number from 1 to 200000.', 2);
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new CliError('--seed must be a whole number.', 2);
    return withStore(dataDirFrom(values), io, async (call, core) => {
      const started = Date.now();
      const stop = core.onEvent((e) => {
        if (e.type === 'progress' && e.task === 'demo-data' && (e.done % 2000 === 0 || e.done === e.total))
          io.err(`${e.label}…`);
      });
      try {
        const made = await call('caseload.demoData', {
          confirm: DEMO_DATA_CONFIRMATION,
          referrals: count,
          ...(seed === undefined ? {} : { seed }),
        });
        io.out(
          `Made ${made.referrals} invented referrals for ${made.people} people and ${made.advocates} advocates in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        return 0;
      } finally {
        stop();
      }
    });
  },
};
