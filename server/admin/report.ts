import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pool } from 'pg';
import { reportToCsv } from '../../shared/reports/csv';
import { customPeriod, parseQuarter } from '../../shared/reports/period';
import { organisationReport } from '../reports/org-report';

export const reportOptions = {
  quarter: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

/** `server-admin report`: the quarterly report over every device's synced records of one organisation. */
export async function reportCommand(
  pool: Pool,
  organisationId: string,
  values: { quarter?: string | undefined; from?: string | undefined; to?: string | undefined; format?: string | undefined; out?: string | undefined },
): Promise<number> {
  const period = values.quarter ? parseQuarter(values.quarter) : values.from && values.to ? customPeriod(values.from, values.to) : null;
  if (!period) {
    console.error('Say which period: --quarter 2026-Q2 (Q1 is January to March), or --from YYYY-MM-DD --to YYYY-MM-DD.');
    return 2;
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') {
    console.error('The format must be json or csv.');
    return 2;
  }
  const report = await organisationReport(pool, organisationId, period);
  const text = format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
  if (values.out) {
    writeFileSync(resolve(values.out), text, { mode: 0o600 });
    console.error(`Report for ${period.from} to ${period.to} written to ${resolve(values.out)}.`);
  } else process.stdout.write(text);
  return 0;
}
