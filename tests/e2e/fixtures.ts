import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VaultPage } from './pages/vault-page';
import { WebHostProcess } from './web-host-process';

export const E2E_PASSPHRASE = 'orange kettle mountain violin';

interface HeardFixtures {
  /** A web host on a fresh data folder, started before the test and stopped after. */
  host: WebHostProcess;
  /** The page, opened at the host's address. */
  app: Page;
  vault: VaultPage;
  /** Sets up the vault with E2E_PASSPHRASE and waits for the app shell. */
  unlockedApp: Page;
}

export const test = base.extend<HeardFixtures>({
  host: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'heard-e2e-'));
    const host = new WebHostProcess(dataDir);
    await host.start();
    await use(host);
    await host.stop();
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('web-host.log', { body: host.log(), contentType: 'text/plain' });
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
  vault: async ({ app }, use) => {
    await use(new VaultPage(app));
  },
  unlockedApp: async ({ app, vault }, use) => {
    await vault.setUp(E2E_PASSPHRASE);
    await use(app);
  },
});

export { expect };

/** Waits for the app to announce a state (set by the renderer's `announce()`), never for a fixed time. */
export async function waitForAppState(page: Page, state: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-app-state', state);
}

/** Fails on any serious or critical accessibility violation on the current screen. */
export async function expectAccessible(page: Page): Promise<void> {
  // A dialog still fading in has half-transparent colours, which axe measures as poor contrast.
  // Endless ones (a spinner) are left out, or the wait would never end.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`).join(', ')}`,
    ),
  ).toEqual([]);
}
