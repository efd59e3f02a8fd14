import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_PASSPHRASE, expect, expectAccessible, test, waitForAppState } from './fixtures';
import { VaultPage } from './pages/vault-page';
import { WebHostProcess } from './web-host-process';

test('data protection: the trail records a wrong passphrase and a backup, is intact, and the retention policy saves', async ({
  unlockedApp: app,
  host,
}) => {
  // Key stretching for the passphrases and the backup is slow on a loaded machine; nothing here waits on a timer.
  test.setTimeout(240_000);
  const backupFile = `${host.dataDir}-e2e.backup`;
  try {
    // A wrong passphrase while locked is kept and appears in the trail after the next unlock.
    const vault = new VaultPage(app);
    await vault.lock();
    expect(await vault.unlockExpectingError('not my passphrase at all')).toContain('That passphrase is not right');
    await vault.unlock(E2E_PASSPHRASE);

    await app
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Data protection', exact: true })
      .click();
    await waitForAppState(app, 'data-protection');
    const trail = app.getByRole('table', { name: 'Audit trail' });
    await expect(trail).toContainText('Wrong passphrase entered');
    await expect(trail).toContainText('Unlocked Heard');
    await expectAccessible(app);

    await app.getByRole('tab', { name: 'Backup and restore' }).click();
    const form = app.getByRole('form', { name: 'Make a backup' });
    // The web host has no file dialog: the backup is downloaded, and the browser keeps it.
    await expect(form.getByText('The backup file will be downloaded')).toBeVisible();
    await form.getByLabel(/^Your passphrase\s*\*?$/).fill(E2E_PASSPHRASE);
    await form.getByLabel(/^Backup passphrase\s*\*?$/).fill('lantern harbour pebble crocus');
    await form.getByLabel(/^Backup passphrase again\s*\*?$/).fill('lantern harbour pebble crocus');
    const [download] = await Promise.all([
      app.waitForEvent('download', { timeout: 120_000 }),
      form.getByRole('button', { name: 'Make the backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^heard-backup-\d{4}-\d{2}-\d{2}\.heardbackup$/);
    await download.saveAs(backupFile);
    await expect(app.getByText(/Backup downloaded as heard-backup-/)).toBeVisible({ timeout: 30_000 });
    expect(existsSync(backupFile)).toBe(true);
    await expectAccessible(app);

    await app.getByRole('tab', { name: 'Retention' }).click();
    await app.getByRole('textbox', { name: 'Years' }).fill('3');
    await app.getByRole('button', { name: 'Save policy' }).click();
    await expect(app.getByText('Retention policy saved.')).toBeVisible();
    await expect(app.getByText('No cases are due')).toBeVisible();
    await expectAccessible(app);

    await app.getByRole('tab', { name: 'Audit trail' }).click();
    await expect(app.getByRole('table', { name: 'Audit trail' })).toContainText('Made a backup');
    await app.getByRole('button', { name: 'Check the trail has not been changed' }).click();
    await expect(app.getByText(/The trail is intact/)).toBeVisible();
  } finally {
    rmSync(backupFile, { force: true });
  }
});

test('a new computer restores a backup from the set-up screen and opens it with the new passphrase', async ({
  unlockedApp: app,
  host,
  browser,
}) => {
  test.setTimeout(240_000);
  const backupFile = `${host.dataDir}-move.backup`;
  const newDir = mkdtempSync(join(tmpdir(), 'heard-e2e-new-computer-'));
  const newHost = new WebHostProcess(newDir);
  try {
    // Something only the old computer's store holds: its retention policy.
    await app
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Data protection', exact: true })
      .click();
    await app.getByRole('tab', { name: 'Retention' }).click();
    await app.getByRole('textbox', { name: 'Years' }).fill('4');
    await app.getByRole('button', { name: 'Save policy' }).click();
    await expect(app.getByText('Retention policy saved.')).toBeVisible();
    await app.getByRole('tab', { name: 'Backup and restore' }).click();
    const make = app.getByRole('form', { name: 'Make a backup' });
    await make.getByLabel(/^Your passphrase\s*\*?$/).fill(E2E_PASSPHRASE);
    await make.getByLabel(/^Backup passphrase\s*\*?$/).fill('lantern harbour pebble crocus');
    await make.getByLabel(/^Backup passphrase again\s*\*?$/).fill('lantern harbour pebble crocus');
    const [download] = await Promise.all([
      app.waitForEvent('download', { timeout: 120_000 }),
      make.getByRole('button', { name: 'Make the backup' }).click(),
    ]);
    await download.saveAs(backupFile);

    // A second browser context: the other computer, with nothing of the first one's.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(await newHost.start());
    await waitForAppState(page, 'setup');
    await page.getByRole('button', { name: 'Moving to a new computer? Restore from a backup instead' }).click();
    const restore = page.getByRole('form', { name: 'Restore a backup' });
    await expectAccessible(page);
    // The upload: the file the first computer downloaded.
    await page.locator('input[type="file"]').setInputFiles(backupFile);
    await expect(restore.getByText(/Ready to restore: .*-move\.backup/)).toBeVisible();
    await restore.getByLabel(/^Backup passphrase\s*\*?$/).fill('not the backup passphrase');
    await restore.getByLabel(/^New passphrase for the restored records\s*\*?$/).fill('violet tractor summer ocean');
    await restore.getByRole('button', { name: 'Restore the backup' }).click();
    await expect(restore.getByRole('alert')).toBeVisible({ timeout: 30_000 });
    await waitForAppState(page, 'setup');

    await restore.getByLabel(/^Backup passphrase\s*\*?$/).fill('lantern harbour pebble crocus');
    await restore.getByRole('button', { name: 'Restore the backup' }).click();
    await new VaultPage(page).unlock('violet tractor summer ocean');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Data protection', exact: true })
      .click();
    await page.getByRole('tab', { name: 'Retention' }).click();
    await expect(page.getByRole('textbox', { name: 'Years' })).toHaveValue('4');
    await context.close();
  } finally {
    await newHost.stop();
    rmSync(newDir, { recursive: true, force: true });
    rmSync(backupFile, { force: true });
  }
});
