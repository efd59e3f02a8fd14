import { existsSync, rmSync } from 'node:fs';
import { E2E_PASSPHRASE, expect, expectAccessible, test, waitForAppState } from './fixtures';
import { VaultPage } from './pages/vault-page';

test('data protection: the trail records a wrong passphrase and a backup, is intact, and the retention policy saves', async ({ unlockedApp: app, host }) => {
  const backupFile = `${host.dataDir}-e2e.backup`;
  try {
    // A wrong passphrase while locked is kept and appears in the trail after the next unlock.
    const vault = new VaultPage(app);
    await vault.lock();
    expect(await vault.unlockExpectingError('not my passphrase at all')).toContain('That passphrase is not right');
    await vault.unlock(E2E_PASSPHRASE);

    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data protection', exact: true }).click();
    await waitForAppState(app, 'data-protection');
    const trail = app.getByRole('table', { name: 'Audit trail' });
    await expect(trail).toContainText('Wrong passphrase entered');
    await expect(trail).toContainText('Unlocked Heard');
    await expectAccessible(app);

    await app.getByRole('tab', { name: 'Backup and restore' }).click();
    const form = app.getByRole('form', { name: 'Make a backup' });
    await form.getByRole('textbox', { name: 'Where to save the backup (full file path)' }).fill(backupFile);
    await form.getByLabel(/^Your passphrase\s*\*?$/).fill(E2E_PASSPHRASE);
    await form.getByLabel(/^Backup passphrase\s*\*?$/).fill('lantern harbour pebble crocus');
    await form.getByLabel(/^Backup passphrase again\s*\*?$/).fill('lantern harbour pebble crocus');
    await form.getByRole('button', { name: 'Make the backup' }).click();
    await expect(app.getByText(/Backup written to/)).toBeVisible({ timeout: 30_000 });
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
