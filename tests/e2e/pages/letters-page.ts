import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Complaints and letters screens. */
export class LettersPage {
  constructor(readonly page: Page) {}

  /** A case made through the real IPC path, as the caseload screens would make it. */
  async createCase(preferredName: string): Promise<{ caseId: string; reference: string }> {
    return this.page.evaluate(async (name) => {
      const api = (window as unknown as { heard: Record<string, (i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>> }).heard;
      const r = await api['caseload.referrals.create']!({
        person: { firstName: 'Test', lastName: 'Person', preferredName: name, localAuthority: 'Northshire' },
        referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
        issues: [{ code: 'CONTACT', description: 'Seeing my brother' }],
      });
      if (!r.ok) throw new Error(r.error?.message);
      return r.value as { caseId: string; reference: string };
    }, preferredName);
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
