import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The caseload screens: taking a referral, triage, the case list and a case. */
export class CaseloadPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path: '' | '/new' | '/triage' | '/import' = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}#/caseload${path}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** Picks an option in a Mantine Select by its label. */
  async choose(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async typeDate(label: string, ddmmyyyy: string): Promise<void> {
    const input = this.page.getByRole('textbox', { name: label, exact: true });
    await input.fill(ddmmyyyy);
    await input.press('Tab');
  }
}
