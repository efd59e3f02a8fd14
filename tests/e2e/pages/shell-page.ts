import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The unlocked app's navigation. */
export class ShellPage {
  constructor(readonly page: Page) {}

  async goTo(section: 'Today' | 'Caseload' | 'Calendar' | 'Letters' | 'Reports' | 'Sync' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }
}
