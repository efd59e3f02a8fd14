import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { waitForAppState } from '../fixtures';

/** The Sync screen: connect, status, conflicts. */
export class SyncPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Sync/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  }

  async connect(serviceUrl: string, code: string): Promise<void> {
    await this.page.getByLabel('Service address').fill(serviceUrl);
    await this.page.getByLabel('Enrolment code').fill(code);
    await this.page.getByRole('button', { name: 'Connect' }).click();
    await waitForAppState(this.page, 'sync-status-connected');
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sync now' }).click();
    await waitForAppState(this.page, 'sync-done');
  }

  conflictBadge() {
    return this.page.getByTestId('sync-conflict-badge');
  }
}
