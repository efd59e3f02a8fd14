import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Calendar, meeting, statement and young-person view screens. */
export class MeetingsPage {
  constructor(readonly page: Page) {}

  /** A case made through the real IPC path, as the caseload screens would make it. */
  async createCase(firstName: string, lastName: string): Promise<{ caseId: string; reference: string }> {
    return this.page.evaluate(
      async ([first, last]) => {
        const api = (
          window as unknown as {
            heard: Record<
              string,
              (i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>
            >;
          }
        ).heard;
        const r = await api['caseload.referrals.create']!({
          person: { firstName: first, lastName: last },
          referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
          issues: [{ code: 'PLACEMENT', description: 'Wants to stay put' }],
        });
        if (!r.ok) throw new Error(r.error?.message);
        return r.value as { caseId: string; reference: string };
      },
      [firstName, lastName] as const,
    );
  }

  async goto(baseUrl: string, path: string): Promise<void> {
    await this.page.goto(`${baseUrl}#${path}`);
  }

  /** A form field by its label; required fields' labels end in an asterisk. */
  field(label: string) {
    return this.page.getByRole('dialog').getByLabel(new RegExp(`^${label}( \\*)?$`));
  }

  async pick(label: string, option: string | RegExp): Promise<void> {
    await this.field(label).click();
    await this.page.getByRole('option', { name: option }).click();
  }

  async addMeeting(opts: { who: RegExp; type: string; date: string; time: string; place: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a meeting' }).click();
    await this.pick('Young person', opts.who);
    await this.pick('Type of meeting', opts.type);
    await this.field('Date').fill(opts.date);
    await this.field('Time').fill(opts.time);
    await this.field('Place').fill(opts.place);
    await this.page.getByRole('button', { name: 'Save meeting' }).click();
    await expect(this.page.locator('html')).toHaveAttribute('data-app-state', 'meeting-loaded');
  }

  async leaveYoungPersonView(passphrase: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Finished' }).click();
    await this.page.getByLabel('Advocate’s passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Leave', exact: true }).click();
  }
}
