import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The managers' screens: Team and People. */
export class TeamPage {
  constructor(readonly page: Page) {}

  private nav(name: string) {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  }

  async openTeam(): Promise<void> {
    await this.nav('Team').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  }

  async openPeople(): Promise<void> {
    await this.nav('People').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  }

  /** Allocates a waiting referral from the Team screen's "Waiting" table. */
  async allocate(rowName: string, advocate: string): Promise<void> {
    await this.page
      .getByTestId('team-waiting')
      .getByRole('button', { name: new RegExp(`^Allocate ${rowName}`) })
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'Allocate this referral' });
    await dialog.getByRole('combobox', { name: /^Advocate/ }).click();
    await this.page.getByRole('option', { name: advocate, exact: true }).click();
    await dialog.getByRole('button', { name: 'Allocate' }).click();
    await expect(dialog).toBeHidden();
  }
}
