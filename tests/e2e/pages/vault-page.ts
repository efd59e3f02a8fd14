import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The setup, unlock and lock screens. */
export class VaultPage {
  constructor(readonly page: Page) {}

  async setUp(passphrase: string): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'setup');
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('textbox', { name: 'Type it again' }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Create my encrypted store' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'unlocked');
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'locked');
  }

  async unlock(passphrase: string): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 35_000 });
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'unlocked');
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
