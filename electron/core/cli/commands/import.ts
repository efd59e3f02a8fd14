import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, withStore } from '../open-core';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import referrals from a CSV file, all or nothing (the format is in the caseload issue).',
  usage: 'import FILE.csv --data-dir DIR [--dry-run]   (passphrase from HEARD_PASSPHRASE, or asked for)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    });
    const file = positionals[0];
    if (!file) throw new CliError('Say which CSV file to import, for example: import referrals.csv --data-dir DIR', 2);
    let csv: string;
    try {
      csv = readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`The file ${file} could not be read.`, 2);
    }
    const dryRun = values['dry-run'] === true;
    return withStore(dataDirFrom(values), io, async (call) => {
      const report = dryRun
        ? { ...(await call('caseload.import.preview', { csv })), imported: false }
        : await call('caseload.import.apply', { csv });
      if (report.problems.length > 0) {
        io.err(
          `Nothing was imported: the file has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}.`,
        );
        for (const p of report.problems) io.err(`Row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason}`);
        return 1;
      }
      const verb = report.imported ? 'Imported' : 'Would import (dry run, nothing changed)';
      io.out(
        `${verb} ${report.rows} referral${report.rows === 1 ? '' : 's'}: ${report.create} new, ${report.update} updated, ${report.unchanged} unchanged.`,
      );
      return 0;
    });
  },
};
