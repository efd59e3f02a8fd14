import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { HeardApi, MethodInput, MethodName, MethodOutput } from '../../../shared/ipc/contract';
import { waitForAppState } from '../fixtures';
import { ShellPage } from './shell-page';

/** One case's page, and calls straight to the app's API for setting up what a test needs. */
export class CasePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(caseId: string, tab?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}#/caseload/${caseId}${tab ? `?tab=${tab}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** Calls the app through the same `window.heard` the screens use; fails the test on any error. */
  async call<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
    return this.page.evaluate(
      async ([n, i]) => {
        const heard = (window as unknown as { heard: HeardApi }).heard;
        const result = await (
          heard[n as K] as unknown as (
            x: unknown,
          ) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>
        )(i);
        if (!result.ok) throw new Error(`${n} failed: ${result.error?.message ?? ''}`);
        return result.value as MethodOutput<K>;
      },
      [name, input] as const,
    );
  }

  /** The report figures for a quarter, shown on the Reports screen. */
  async showReport(period: RegExp): Promise<void> {
    await new ShellPage(this.page).goTo('Reports');
    await this.page.getByRole('combobox', { name: 'Period' }).click();
    await this.page.getByRole('option', { name: period }).click();
    await waitForAppState(this.page, 'report-ready');
  }
}
