import { readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { HeardApi } from '../../shared/ipc/contract';
import { E2E_PASSPHRASE, expect, expectAccessible, test, waitForAppState } from './fixtures';
import { VaultPage } from './pages/vault-page';

test('ten wrong passphrases sent at once by the page: one is checked, nine are told to wait, and the screen says so', async ({
  unlockedApp: app,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(app);
  await vault.lock();
  // A page that has been tampered with can call core directly, all at once.
  const codes = await app.evaluate(async () => {
    const heard = (window as unknown as { heard: HeardApi }).heard;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => heard['vault.unlock']({ passphrase: `wrong guess ${i}` })),
    );
    return answers.map((a) => (a.ok ? 'unlocked' : a.error.code));
  });
  expect(codes.filter((c) => c === 'wrong_passphrase')).toHaveLength(1);
  expect(codes.filter((c) => c === 'unlock_delayed')).toHaveLength(9);

  // The screen, opened afresh, knows about the wait only from core: it says it in words.
  await app.reload();
  await waitForAppState(app, 'locked');
  const status = await app.evaluate(async () => (window as unknown as { heard: HeardApi }).heard['vault.status']({}));
  const left = status.ok && status.value.state === 'locked' ? status.value.retryAfterMs : -1;
  expect(left).toBeLessThanOrEqual(1000);
  if (left > 400) await expect(app.getByText(/You can try again in 1 second\./)).toBeVisible();
  await vault.unlock(E2E_PASSPHRASE);
});

test('an empty records file shows the damaged-store screen before any passphrase, and is left as it is', async ({
  unlockedApp: app,
  host,
}) => {
  test.setTimeout(120_000);
  await new VaultPage(app).lock();
  await host.stop();
  const db = join(host.dataDir, 'heard.db');
  truncateSync(db, 0);
  const keyBefore = readFileSync(join(host.dataDir, 'vault-key.json'));

  await host.start();
  await app.goto(host.url);
  await waitForAppState(app, 'problem:database_damaged');
  await expect(app.getByRole('heading', { name: 'Your records file is damaged' })).toBeVisible();
  await expect(app.getByRole('alert')).toContainText(
    'Your records file (heard.db) is damaged and could not be opened. Restore it from a backup',
  );
  await expect(app.getByRole('alert')).toContainText('The file has not been changed or deleted.');
  // Nothing offers to start afresh over it, and there is no passphrase box to type into.
  await expect(app.getByRole('textbox')).toHaveCount(0);
  await expect(app.getByRole('button', { name: /create|set up|start again/i })).toHaveCount(0);
  await expectAccessible(app);

  await app.getByRole('button', { name: 'Check again' }).click();
  await waitForAppState(app, 'problem:database_damaged');
  await host.stop();
  expect(statSync(db).size).toBe(0);
  expect(readFileSync(join(host.dataDir, 'vault-key.json')).equals(keyBefore)).toBe(true);
});
