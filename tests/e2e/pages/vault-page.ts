import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Deriving the key is slow on purpose (scrypt), and on a busy machine takes several seconds more:
 * opening the store is given longer than other steps.
 */
const OPENING_MS = 30_000;

/** The setup, unlock and lock screens. */
export class VaultPage {
  constructor(readonly page: Page) {}

  async setUp(passphrase: string): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'setup');
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('textbox', { name: 'Type it again' }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Create my encrypted store' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'unlocked', { timeout: OPENING_MS });
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'locked');
  }

  async unlock(passphrase: string): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 35_000 });
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'unlocked', { timeout: OPENING_MS });
  }

  /** Tries a passphrase expected to fail; returns the message shown. */
  async unlockExpectingError(passphrase: string): Promise<string> {
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    const alert = this.page.getByRole('alert');
    await expect(alert).toBeVisible();
    return (await alert.textContent()) ?? '';
  }
}
