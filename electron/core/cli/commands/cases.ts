import { parseArgs } from 'node:util';
import { toCsv } from '../../../../shared/csv/rfc4180';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, withStore } from '../open-core';

const CSV_COLUMNS = [
  'reference',
  'person_reference',
  'date_of_birth',
  'gender',
  'service_user_type',
  'local_authority',
  'referral_date',
  'referral_source',
  'issues',
  'urgency',
  'allocated_to',
  'allocation_date',
  'closure_date',
  'closure_outcome',
  'status',
] as const;

export const casesCommand: CliCommand = {
  name: 'cases',
  summary: 'Print the referrals in the store (no names), as JSON or CSV.',
  usage: 'cases --data-dir DIR [--format json|csv]   (passphrase from HEARD_PASSPHRASE, or asked for)',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { 'data-dir': { type: 'string' }, format: { type: 'string', default: 'json' } },
    });
    if (values.format !== 'json' && values.format !== 'csv')
      throw new CliError('Use --format json or --format csv.', 2);
    const format = values.format;
    return withStore(dataDirFrom(values), io, async (call) => {
      const rows = await call('caseload.cases.export', {});
      if (format === 'json') io.out(JSON.stringify(rows, null, 2));
      else
        io.out(
          toCsv([
            [...CSV_COLUMNS],
            ...rows.map((r) => CSV_COLUMNS.map((c) => (c === 'issues' ? r.issues.join(';') : String(r[c] ?? '')))),
          ]),
        );
      return 0;
    });
  },
};
