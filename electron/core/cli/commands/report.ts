import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { customPeriod, parseQuarter, type Period } from '../../../../shared/reports/period';
import type { CliCommand } from '../command';
import { CliError } from '../io';
import { dataDirFrom, withStore, type CliCall } from '../open-core';

const formats = ['json', 'csv', 'pdf'] as const;
type Format = (typeof formats)[number];

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'The quarterly impact report over the records in this store, as JSON, CSV or PDF.',
  usage:
    'report quarterly --quarter 2026-Q2 | --from YYYY-MM-DD --to YYYY-MM-DD  --format json|csv|pdf --data-dir DIR [--out FILE]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        quarter: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
      },
    });
    if (positionals[0] !== 'quarterly' || positionals.length > 1)
      throw new CliError('Say which report: npm run heard -- report quarterly --quarter 2026-Q2 --data-dir DIR', 2);
    const period = periodFrom(values);
    const format = values.format as Format;
    if (!formats.includes(format))
      throw new CliError(`The format must be json, csv or pdf (not "${values.format}").`, 2);
    if (format === 'pdf' && !values.out) throw new CliError('A PDF must be written to a file: add --out FILE.pdf', 2);
    const dataDir = dataDirFrom(values);
    return withStore(dataDir, io, async (call) => {
      const output = await produce(call, format, period);
      if (values.out) {
        const path = resolve(values.out);
        writeFileSync(path, output, { mode: 0o600 });
        io.err(
          `Report for ${period.from} to ${period.to} written to ${path}. This file is outside the encrypted store: keep it safe.`,
        );
      } else {
        io.out(typeof output === 'string' ? output : '');
      }
      return 0;
    });
  },
};

async function produce(call: CliCall, format: Format, period: Period): Promise<string | Buffer> {
  if (format === 'json') return `${JSON.stringify(await call('reports.quarterly', { period }), null, 2)}\n`;
  if (format === 'csv') return (await call('reports.csv', { period })).csv;
  return Buffer.from((await call('reports.pdf', { period })).base64, 'base64');
}

function periodFrom(values: {
  quarter?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): Period {
  if (values.quarter) {
    if (values.from || values.to) throw new CliError('Give either --quarter or --from and --to, not both.', 2);
    const p = parseQuarter(values.quarter);
    if (!p)
      throw new CliError(`"${values.quarter}" is not a quarter. Write it like 2026-Q2 (Q1 is January to March).`, 2);
    return p;
  }
  if (values.from && values.to) {
    const p = customPeriod(values.from, values.to);
    if (!p)
      throw new CliError('--from and --to must be real dates (YYYY-MM-DD), and --to must not be before --from.', 2);
    return p;
  }
  throw new CliError('Say which period: --quarter 2026-Q2, or --from YYYY-MM-DD --to YYYY-MM-DD.', 2);
}
