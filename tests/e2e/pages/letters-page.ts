import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Complaints and letters screens. */
export class LettersPage {
  constructor(readonly page: Page) {}

  /** Calls the app's API the way its screens do (for setting up what a test starts from). */
  private call<T>(method: string, input: unknown): Promise<T> {
    return this.page.evaluate(
      async ([m, i]) => {
        const api = (
          window as unknown as {
            heard: Record<
              string,
              (i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>
            >;
          }
        ).heard;
        const r = await api[m as string]!(i);
        if (!r.ok) throw new Error(r.error?.message);
        return r.value;
      },
      [method, input] as const,
    ) as Promise<T>;
  }

  /** A case made through the real IPC path, as the caseload screens would make it. */
  async createCase(
    preferredName: string,
    person: Record<string, unknown> = {},
    issue: Record<string, unknown> = {},
  ): Promise<{ caseId: string; reference: string }> {
    return this.call('caseload.referrals.create', {
      person: { firstName: 'Test', lastName: 'Person', preferredName, localAuthority: 'Northshire', ...person },
      referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
      issues: [{ code: 'CONTACT', description: 'Seeing my brother', ...issue }],
    });
  }

  /** The service's letterhead (its name is in every letter). */
  async setLetterhead(name: string, address: string): Promise<void> {
    await this.call('letterhead.save', { name, address, logoPngBase64: null });
  }

  /** What the young person said, recorded in wishes and feelings. */
  async recordWishes(caseId: string, recordedOn: string, wantToHappen: string): Promise<void> {
    await this.call('fieldwork.wishes.save', { caseId, entry: { recordedOn, wantToHappen } });
  }

  /** The open letter's actions. */
  letterText() {
    return this.page.getByTestId('letter-text');
  }

  /** Fills in the date and method, then records the letter as sent (through the placeholder check when it shows). */
  async recordSent(dateUk: string, method: string): Promise<void> {
    await this.page.getByLabel('Date sent').fill(dateUk);
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('combobox', { name: 'How it was sent' }).click();
    await this.page.getByRole('option', { name: method }).click();
    await this.page.getByRole('button', { name: 'Record as sent' }).click();
  }

  /** In the placeholder check: leaves every placeholder as written, then carries on. */
  async leaveEveryPlaceholder(action: string): Promise<string[]> {
    const dialog = this.page.getByRole('dialog', { name: 'Placeholders still in this letter' });
    await expect(dialog.getByRole('group').first()).toBeVisible({ timeout: 60_000 });
    const groups = dialog.getByRole('group');
    const names: string[] = [];
    for (let i = 0; i < (await groups.count()); i += 1) {
      const group = groups.nth(i);
      names.push((await group.getAttribute('aria-label')) ?? '');
      await group.getByLabel('Leave it as written').check();
    }
    await dialog.getByRole('button', { name: action }).click();
    return names;
  }

  /** Exports after the warning that the file leaves the encrypted store; returns the download. */
  async confirmExport() {
    // The letter is saved and checked for placeholders first: allow for a slow, shared machine.
    await expect(this.page.getByRole('dialog', { name: 'Export this letter as a PDF' })).toContainText(
      'outside Heard',
      { timeout: 60_000 },
    );
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'I understand, export' }).click();
    return download;
  }

  async goto(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(`${baseUrl}#${path}`);
  }

  field(label: string) {
    return this.page.getByRole('dialog').getByLabel(new RegExp(`^${label}( \\*)?$`));
  }

  async recordComplaint(receivedUk: string, summary: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Record a complaint' }).click();
    await this.field('What the complaint is about').fill(summary);
    await this.field('Date the council received it').fill(receivedUk);
    await this.field('What the complaint is about').click();
    await this.page.getByRole('button', { name: 'Save complaint' }).click();
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }
}
