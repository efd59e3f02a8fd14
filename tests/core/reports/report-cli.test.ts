import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/core/cli/io';
import { reportCommand } from '../../../electron/core/cli/commands/report';
import { runCli } from '../../../electron/core/cli/run-cli';
import { createTestCore, TEST_PASSPHRASE } from '../../helpers/test-core';

let dataDir: string;
const commands = [reportCommand];

function io(
  env: Record<string, string> = { HEARD_PASSPHRASE: TEST_PASSPHRASE },
): CliIo & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out: (s) => out_.push(s), err: (s) => err_.push(s), env, askSecret: async () => '', out_, err_ };
}

beforeAll(async () => {
  const t = await createTestCore();
  dataDir = t.dataDir;
  t.core.context.write((w) => {
    w.upsert('referral', 'c1', 'c1', {
      reference: 'HRD-1',
      referral_date: '2026-04-01',
      service_user_type: 'FGC',
      urgency: 'standard',
      status: 'open',
    });
    w.upsert('referral_issue', 'i1', 'c1', { referral_id: 'c1', code: 'FGC' });
    w.upsert('referral', 'c2', 'c2', {
      reference: 'HRD-2',
      referral_date: '2026-07-01',
      service_user_type: 'CIC',
      urgency: 'standard',
      status: 'open',
    });
  });
  t.core.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run heard -- report quarterly', () => {
  it('prints the JSON report with exactly the agreed top-level keys', async () => {
    const o = io();
    expect(
      await runCli(
        ['report', 'quarterly', '--quarter', '2026-Q2', '--format', 'json', '--data-dir', dataDir],
        o,
        commands,
      ),
    ).toBe(0);
    const report = JSON.parse(o.out_.join('')) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual([
      'period',
      'newReferrals',
      'byServiceUserType',
      'byAgeBand',
      'byIssue',
      'byGender',
      'bySource',
      'byLocalAuthority',
      'issuesByAgeBand',
      'allocated',
      'closed',
      'briefInterventions',
      'feedback',
      'byEthnicity',
      'byDisability',
      'byAdvocacyType',
      'outOfArea',
      'reReferrals',
      'issueOutcomes',
      'complaints',
      'safeguarding',
      'contacts',
      'meetings',
      'systemicIssues',
    ]);
    expect(report.period).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(report.newReferrals).toBe(1);
  });

  it('writes CSV to a file and warns that it is outside the encrypted store', async () => {
    const o = io();
    const out = join(dataDir, 'q3.csv');
    expect(
      await runCli(
        ['report', 'quarterly', '--quarter', '2026-Q3', '--format', 'csv', '--data-dir', dataDir, '--out', out],
        o,
        commands,
      ),
    ).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')).toContain('byServiceUserType,,CIC,Children in care,1,100');
    expect(o.err_.join('')).toContain('outside the encrypted store');
  });

  it('writes a PDF only to a file', async () => {
    const out = join(dataDir, 'q2.pdf');
    expect(
      await runCli(
        ['report', 'quarterly', '--quarter', '2026-Q2', '--format', 'pdf', '--data-dir', dataDir, '--out', out],
        io(),
        commands,
      ),
    ).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const noFile = io();
    expect(
      await runCli(
        ['report', 'quarterly', '--quarter', '2026-Q2', '--format', 'pdf', '--data-dir', dataDir],
        noFile,
        commands,
      ),
    ).toBe(2);
    expect(noFile.err_.join('')).toContain('--out');
  });

  it('explains a badly written quarter and a wrong passphrase', async () => {
    const bad = io();
    expect(await runCli(['report', 'quarterly', '--quarter', '2026-Q5', '--data-dir', dataDir], bad, commands)).toBe(2);
    expect(bad.err_.join('')).toContain('Write it like 2026-Q2');
    const wrong = io({ HEARD_PASSPHRASE: 'not the right words at all' });
    expect(await runCli(['report', 'quarterly', '--quarter', '2026-Q2', '--data-dir', dataDir], wrong, commands)).toBe(
      4,
    );
  });
});
