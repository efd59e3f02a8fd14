import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/app-core';
import { SCRATCH_PREFIX } from '../../../electron/core/backup/backup-handlers';
import type { FileDialogs } from '../../../electron/core/backup/file-dialogs';
import { createTestCore, TEST_PASSPHRASE, type TestCore } from '../../helpers/test-core';

const BACKUP_PASSPHRASE = 'lantern harbour pebble crocus';
const NEW_PASSPHRASE = 'walnut meadow tractor solstice';
const SECRET_TEXT = 'Amira told me she wants to stay at Northfield school';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'heard-backup-choice-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scratchFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith(SCRATCH_PREFIX));

describe('backups without file dialogs (the web host): a download and an upload', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore();
    await t.call('drafts.save', { key: 'note:visit', content: SECRET_TEXT });
  });
  afterAll(() => t.dispose());

  it('hands the backup back to be downloaded, leaves no copy behind, and it restores from an upload on a new computer', async () => {
    expect(await t.call('backup.fileAccess', {})).toEqual({ mode: 'browser' });
    const before = scratchFolders();
    const made = await t.call('backup.create', { passphrase: TEST_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE });
    expect(made.path).toBeNull();
    expect(made.download!.fileName).toMatch(/^heard-backup-\d{4}-\d{2}-\d{2}\.heardbackup$/);
    const bytes = Buffer.from(made.download!.base64, 'base64');
    expect(bytes.length).toBe(made.bytes);
    expect(bytes.includes(Buffer.from('Amira'))).toBe(false);
    expect(scratchFolders()).toEqual(before);
    await expect(t.call('backup.chooseFile', { purpose: 'save' })).rejects.toThrow(/no file dialog/);

    const fresh = join(work, 'fresh');
    const core = createCore({ dataDir: fresh, autoSync: false });
    try {
      const wrong = await core.call('backup.restore', {
        upload: { fileName: 'x.heardbackup', base64: made.download!.base64 },
        backupPassphrase: 'not it at all',
        newPassphrase: NEW_PASSPHRASE,
      });
      expect(wrong.ok).toBe(false);
      const restored = await core.call('backup.restore', {
        upload: { fileName: made.download!.fileName, base64: made.download!.base64 },
        backupPassphrase: BACKUP_PASSPHRASE,
        newPassphrase: NEW_PASSPHRASE,
      });
      expect(restored.ok).toBe(true);
      await core.vault.unlock(NEW_PASSPHRASE);
      const draft = await core.call('drafts.get', { key: 'note:visit' });
      expect(draft.ok && (draft.value as { content: string }).content).toBe(SECRET_TEXT);
    } finally {
      core.close();
    }
    expect(scratchFolders()).toEqual(before);
  });

  it('needs a file: neither a path nor an upload is refused in words', async () => {
    const r = await t.core.call('backup.restore', {
      backupPassphrase: BACKUP_PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      replace: true,
    });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Choose the backup file/) } });
  });
});

describe('backups with the computer’s file dialogs (the desktop app)', () => {
  let t: TestCore;
  const picked: { save: string | null; open: string | null } = { save: null, open: null };
  const dialogs: FileDialogs = { chooseSaveFile: async () => picked.save, chooseOpenFile: async () => picked.open };
  beforeAll(async () => {
    t = await createTestCore({ fileDialogs: dialogs });
  });
  afterAll(() => t.dispose());

  it('writes only to the file picked in the Save dialog; a path the page made up is refused', async () => {
    expect(await t.call('backup.fileAccess', {})).toEqual({ mode: 'dialog' });
    const madeUp = join(work, 'made-up.heardbackup');
    await expect(
      t.call('backup.create', { path: madeUp, passphrase: TEST_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE }),
    ).rejects.toThrow(/Choose…/);
    expect(existsSync(madeUp)).toBe(false);
    await expect(
      t.call('backup.create', { passphrase: TEST_PASSPHRASE, backupPassphrase: BACKUP_PASSPHRASE }),
    ).rejects.toThrow(/Choose where to save/);

    picked.save = null;
    expect(await t.call('backup.chooseFile', { purpose: 'save' })).toEqual({ path: null });
    picked.save = join(work, 'chosen.heardbackup');
    expect(await t.call('backup.chooseFile', { purpose: 'save' })).toEqual({ path: picked.save });
    const made = await t.call('backup.create', {
      path: picked.save,
      passphrase: TEST_PASSPHRASE,
      backupPassphrase: BACKUP_PASSPHRASE,
    });
    expect(made).toMatchObject({ path: picked.save, download: null });
    expect(existsSync(picked.save)).toBe(true);
  });

  it('restores a file picked in a dialog this session, and refuses one that was not', async () => {
    const other = await createTestCore({ fileDialogs: dialogs });
    try {
      const refused = await other.core.call('backup.restore', {
        path: join(work, 'chosen.heardbackup'),
        backupPassphrase: BACKUP_PASSPHRASE,
        newPassphrase: NEW_PASSPHRASE,
        replace: true,
      });
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Choose…/) } });
    } finally {
      other.dispose();
    }
    picked.open = join(work, 'chosen.heardbackup');
    expect(await t.call('backup.chooseFile', { purpose: 'open' })).toEqual({ path: picked.open });
    const r = await t.core.call('backup.restore', {
      path: picked.open,
      backupPassphrase: BACKUP_PASSPHRASE,
      newPassphrase: NEW_PASSPHRASE,
      replace: true,
    });
    expect(r).toMatchObject({ ok: true, value: { setAside: expect.any(Number) } });
  });
});
