import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/core/cli/commands/index';
import type { CliIo } from '../../../electron/core/cli/io';
import { runCli } from '../../../electron/core/cli/run-cli';
import { letterTemplateIds } from '../../../shared/templates';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/test-core';
import { pdfText } from '../pdf/poppler';

let t: TestCore;
let reference: string;
beforeAll(async () => {
  t = await createTestCore();
  const created = await t.call('caseload.referrals.create', {
    person: { firstName: 'Ruta', lastName: 'Tesfay', preferredName: 'ሩታ', localAuthority: 'Northshire' },
    referral: { referralDate: '2026-02-01', serviceUserType: 'CIC' },
    issues: [{ code: 'PLACEMENT' }],
  });
  reference = created.reference;
  t.core.close();
});
afterAll(() => t.dispose());

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    env: { HEARD_PASSPHRASE: TEST_PASSPHRASE },
    askSecret: async () => TEST_PASSPHRASE,
  };
  return { value, out, err };
}

describe('npm run heard -- letter / templates', () => {
  it('lists every template id', async () => {
    const x = io();
    expect(await runCli(['templates'], x.value, commands)).toBe(0);
    for (const id of letterTemplateIds) expect(x.out.join('\n')).toContain(id);
  });

  it('writes a letter for a case to a PDF and warns that it is outside the store', async () => {
    const file = join(t.dataDir, 'out.pdf');
    const x = io();
    expect(
      await runCli(
        ['letter', '--case', reference, '--template', 'stage1-complaint', '--out', file, '--data-dir', t.dataDir],
        x.value,
        commands,
      ),
    ).toBe(0);
    expect(existsSync(file)).toBe(true);
    const text = pdfText(new Uint8Array(readFileSync(file)));
    expect(text).toContain('Complaint on behalf of Ruta Tesfay (ሩታ)');
    expect(x.err.join('')).toMatch(/outside the encrypted store/);
    expect(x.err.join('')).toMatch(/still has \d+ placeholders? in \[square brackets\]/);
  });

  it('says plainly when the case or template does not exist', async () => {
    const a = io();
    expect(
      await runCli(
        [
          'letter',
          '--case',
          'NOPE-1',
          '--template',
          'stage1-complaint',
          '--out',
          join(t.dataDir, 'x.pdf'),
          '--data-dir',
          t.dataDir,
        ],
        a.value,
        commands,
      ),
    ).not.toBe(0);
    expect(a.err.join('')).toContain('no case with reference NOPE-1');
    const b = io();
    expect(
      await runCli(
        [
          'letter',
          '--case',
          reference,
          '--template',
          'stage9',
          '--out',
          join(t.dataDir, 'x.pdf'),
          '--data-dir',
          t.dataDir,
        ],
        b.value,
        commands,
      ),
    ).not.toBe(0);
    expect(b.err.join('')).toContain('no template "stage9"');
  });
});
