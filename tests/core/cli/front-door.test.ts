import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/core/cli/commands/index';
import type { CliIo } from '../../../electron/core/cli/io';
import { runCli } from '../../../electron/core/cli/run-cli';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let reference: string;

beforeAll(async () => {
  t = await createTestCore({ autoSync: false });
  await t.call('caseload.me.setName', { name: 'Priya Shah' });
  reference = (
    await t.call('caseload.referrals.create', {
      person: { firstName: 'Dawit', lastName: 'Bekele', localAuthority: 'Northshire' },
      referral: { referralDate: '2026-02-01', serviceUserType: 'CIC' },
      issues: [{ code: 'PLACEMENT' }],
    })
  ).reference;
  t.core.close();
});
afterAll(() => t.dispose());

function io() {
  const lines: string[] = [];
  const value: CliIo = {
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    env: { HEARD_PASSPHRASE: TEST_PASSPHRASE },
    askSecret: async () => TEST_PASSPHRASE,
  };
  return { value, text: () => lines.join('\n') };
}

/** The trail as the app shows it, newest first, read after the command has closed the store. */
async function trail() {
  await t.restart();
  try {
    return (await t.call('audit.list', { limit: 50 })).entries;
  } finally {
    t.core.close();
  }
}

describe('every command goes through the app’s front door', () => {
  it('`cases` is recorded as an export by the advocate, like the app', async () => {
    const x = io();
    expect(await runCli(['cases', '--data-dir', t.dataDir], x.value, commands)).toBe(0);
    expect(x.text()).toContain(reference);
    const [latest, unlocked] = await trail();
    expect(latest).toMatchObject({
      action: 'exported',
      method: 'caseload.cases.export',
      person: 'Priya Shah',
      description: "Exported the caseload's referrals, without names",
    });
    expect(unlocked).toMatchObject({ action: 'unlocked' });
  });

  it('`import` is validated and recorded with the records it added; a bad file is refused row by row and nothing is recorded', async () => {
    const bad = join(t.dataDir, 'bad.csv');
    writeFileSync(bad, 'reference,referral_date,service_user_type,issues\nIMP-1,31/02/2026,CIC,PLACEMENT\n');
    const refused = io();
    expect(await runCli(['import', bad, '--data-dir', t.dataDir], refused.value, commands)).toBe(1);
    expect(refused.text()).toMatch(/Nothing was imported[\s\S]*Row 2/);
    expect((await trail()).some((e) => e.method === 'caseload.import.apply')).toBe(false);

    const good = join(t.dataDir, 'good.csv');
    writeFileSync(good, 'reference,referral_date,service_user_type,issues\nIMP-2,2026-02-03,CIC,PLACEMENT\n');
    const done = io();
    expect(await runCli(['import', good, '--data-dir', t.dataDir], done.value, commands)).toBe(0);
    const entry = (await trail()).find((e) => e.method === 'caseload.import.apply');
    expect(entry).toMatchObject({ action: 'edited', person: 'Priya Shah' });
    expect(entry!.description).toMatch(/^Changed referrals imported from a file: added .*a referral/);
  });

  it('`letter` is recorded as an export of that case; an unknown reference is an error in words', async () => {
    const x = io();
    expect(
      await runCli(
        [
          'letter',
          '--case',
          reference,
          '--template',
          'stage1-complaint',
          '--out',
          join(t.dataDir, 'l.pdf'),
          '--data-dir',
          t.dataDir,
        ],
        x.value,
        commands,
      ),
    ).toBe(0);
    expect((await trail())[0]).toMatchObject({
      action: 'exported',
      method: 'letters.draftPdf',
      caseReference: reference,
    });
    const missing = io();
    expect(
      await runCli(
        [
          'letter',
          '--case',
          'NOPE-9',
          '--template',
          'stage1-complaint',
          '--out',
          join(t.dataDir, 'm.pdf'),
          '--data-dir',
          t.dataDir,
        ],
        missing.value,
        commands,
      ),
    ).toBe(3);
    expect(missing.text()).toContain('There is no case with reference NOPE-9.');
  });

  it('input the contract refuses is reported with the app’s own words, and nothing runs', async () => {
    const x = io();
    expect(
      await runCli(
        [
          'letter',
          '--case',
          'R'.repeat(150),
          '--template',
          'stage1-complaint',
          '--out',
          join(t.dataDir, 'n.pdf'),
          '--data-dir',
          t.dataDir,
        ],
        x.value,
        commands,
      ),
    ).toBe(2);
    expect(x.text()).toContain('Please check these details. Case reference: must be at most 100 characters.');
  });

  it('`demo-data` runs through the front door and is recorded as a change', async () => {
    const x = io();
    expect(
      await runCli(['demo-data', '--data-dir', t.dataDir, '--referrals', '3', '--seed', '7'], x.value, commands),
    ).toBe(0);
    expect((await trail())[0]).toMatchObject({ action: 'edited', method: 'caseload.demoData', person: 'Priya Shah' });
  });

  it('no command reaches past the front door to a service (restore, which makes a store, and init, excepted)', () => {
    const dir = resolve(import.meta.dirname, '../../../electron/core/cli/commands');
    const reaching = readdirSync(dir).flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/from '(\.\.\/\.\.\/(?!\.\.\/\.\.\/shared\/)[^']+)'/g)].map(
        (m) => `${file} imports ${m[1]}`,
      ),
    );
    expect(reaching).toEqual([
      'init.ts imports ../../app-core',
      'restore.ts imports ../../app-core',
      'restore.ts imports ../../backup/restore-backup',
    ]);
  });
});
