import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { commands } from '../../../electron/core/cli/commands/index';
import { runCli } from '../../../electron/core/cli/run-cli';

import type { CliIo } from '../../../electron/core/cli/io';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/test-core';

const BACKUP_PASSPHRASE = 'lantern harbour pebble crocus';
const NEW_PASSPHRASE = 'walnut meadow tractor solstice';
const SECRET_TEXT = 'Amira told me she wants to stay at Northfield school';

let t: TestCore;
let work: string;
let backupFile: string;

function io(env: Record<string, string>): CliIo & { text(): string } {
  const lines: string[] = [];
  return {
    out: (s) => lines.push(s),
    err: (s) => lines.push(s),
    env,
    askSecret: async () => '',
    text: () => lines.join('\n'),
  };
}

async function draftIn(dataDir: string, passphrase: string): Promise<string | null> {
  const core = createCore({ dataDir });
  try {
    await core.vault.unlock(passphrase);
    const r = await core.call('drafts.get', { key: 'note:visit' });
    return r.ok && r.value ? (r.value as { content: string }).content : null;
  } finally {
    core.close();
  }
}

beforeAll(async () => {
  t = await createTestCore();
  work = mkdtempSync(join(tmpdir(), 'heard-backup-'));
  backupFile = join(work, 'heard.backup');
  await t.call('drafts.save', { key: 'note:visit', content: SECRET_TEXT });
});
afterAll(() => {
  t.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('encrypted backup', () => {
  it('writes a backup that holds only ciphertext, and records it in the audit trail', async () => {
    const made = await t.call('backup.create', {
      path: backupFile,
      passphrase: TEST_PASSPHRASE,
      backupPassphrase: BACKUP_PASSPHRASE,
    });
    expect(made.bytes).toBeGreaterThan(4096);
    const bytes = readFileSync(backupFile);
    expect(bytes.includes(Buffer.from('Amira'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(readdirSync(t.dataDir).filter((f) => f.includes('snapshot'))).toEqual([]);
    const trail = await t.call('audit.list', { limit: 1 });
    expect(trail.entries[0]?.action).toBe('backup-made');
  });

  it('refuses to overwrite an existing file, and refuses the wrong store passphrase', async () => {
    const again = await t.core.call('backup.create', {
      path: backupFile,
      passphrase: TEST_PASSPHRASE,
      backupPassphrase: BACKUP_PASSPHRASE,
    });
    expect(again.ok ? 'ok' : again.error.code).toBe('conflict');
    const wrong = await t.core.call('backup.create', {
      path: join(work, 'other.backup'),
      passphrase: 'not it at all',
      backupPassphrase: BACKUP_PASSPHRASE,
    });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('wrong_passphrase');
    expect(existsSync(join(work, 'other.backup'))).toBe(false);
  });

  it('restores into a fresh install with a new passphrase, verified, with the restore in the trail', async () => {
    const fresh = join(work, 'fresh');
    const out = io({ HEARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE, HEARD_PASSPHRASE: NEW_PASSPHRASE });
    expect(await runCli(['restore', backupFile, '--data-dir', fresh], out, commands)).toBe(0);
    expect(await draftIn(fresh, NEW_PASSPHRASE)).toBe(SECRET_TEXT);
    const core = createCore({ dataDir: fresh });
    await core.vault.unlock(NEW_PASSPHRASE);
    const check = await core.call('audit.check', {});
    const list = await core.call('audit.list', { limit: 2 });
    core.close();
    expect(check).toMatchObject({ ok: true, value: { intact: true } });
    expect(list.ok && (list.value as { entries: { action: string }[] }).entries.map((e) => e.action)).toContain(
      'restored',
    );
  });

  it('says the backup passphrase is wrong and creates nothing', async () => {
    const fresh = join(work, 'wrong-pass');
    const out = io({ HEARD_BACKUP_PASSPHRASE: 'some other words here', HEARD_PASSPHRASE: NEW_PASSPHRASE });
    expect(await runCli(['restore', backupFile, '--data-dir', fresh], out, commands)).toBe(4);
    expect(out.text()).toMatch(/backup passphrase is not right/);
    expect(existsSync(join(fresh, 'heard.db'))).toBe(false);
  });

  it('refuses a backup changed after it was made, leaving nothing behind', async () => {
    const damaged = join(work, 'damaged.backup');
    const bytes = readFileSync(backupFile);
    bytes[bytes.length - 5000] = (bytes[bytes.length - 5000] ?? 0) ^ 0x01;
    writeFileSync(damaged, bytes);
    const fresh = join(work, 'damaged');
    const out = io({ HEARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE, HEARD_PASSPHRASE: NEW_PASSPHRASE });
    expect(await runCli(['restore', damaged, '--data-dir', fresh], out, commands)).toBe(2);
    expect(out.text()).toMatch(/damaged or has been changed/);
    expect(
      existsSync(fresh) ? readdirSync(fresh).filter((f) => f.includes('heard.db') || f.includes('restoring')) : [],
    ).toEqual([]);
  });

  it('never restores over an existing store without --replace; with it, keeps the old files beside', async () => {
    const target = join(work, 'existing');
    const firstRestore = io({ HEARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE, HEARD_PASSPHRASE: NEW_PASSPHRASE });
    expect(await runCli(['restore', backupFile, '--data-dir', target], firstRestore, commands)).toBe(0);
    const before = readFileSync(join(target, 'vault-key.json'));

    const refused = io({ HEARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE, HEARD_PASSPHRASE: TEST_PASSPHRASE });
    expect(await runCli(['restore', backupFile, '--data-dir', target], refused, commands)).toBe(2);
    expect(refused.text()).toMatch(/already holds a Heard store/);
    expect(readFileSync(join(target, 'vault-key.json')).equals(before)).toBe(true);

    const replaced = io({ HEARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE, HEARD_PASSPHRASE: TEST_PASSPHRASE });
    expect(await runCli(['restore', backupFile, '--data-dir', target, '--replace'], replaced, commands)).toBe(0);
    const kept = readdirSync(target).filter((f) => f.includes('.replaced-'));
    expect(kept.some((f) => f.startsWith('heard.db.replaced-'))).toBe(true);
    expect(kept.some((f) => f.startsWith('vault-key.json.replaced-'))).toBe(true);
    expect(await draftIn(target, TEST_PASSPHRASE)).toBe(SECRET_TEXT);
  });

  it('will not let someone at the lock screen replace the records', async () => {
    t.core.vault.lock('user');
    const r = await t.core.call('backup.restore', {
      path: backupFile,
      backupPassphrase: BACKUP_PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      replace: true,
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
    await t.core.vault.unlock(TEST_PASSPHRASE);
  });

  it('backs up from the command line', async () => {
    const out = io({ HEARD_PASSPHRASE: TEST_PASSPHRASE, HEARD_BACKUP_PASSPHRASE: BACKUP_PASSPHRASE });
    t.core.close();
    const file = join(work, 'cli.backup');
    expect(await runCli(['backup', '--data-dir', t.dataDir, '--out', file], out, commands)).toBe(0);
    expect(existsSync(file)).toBe(true);
    await t.restart();
  });
});
