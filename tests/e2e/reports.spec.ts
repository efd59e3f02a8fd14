import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { HeardApi } from '../../shared/ipc/contract';
import { expect, expectAccessible, test, waitForAppState } from './fixtures';
import { ShellPage } from './pages/shell-page';

// Three referrals in April to June 2026: one closed in the quarter, one still open, one referred on its last day.
const CSV = [
  'reference,person_reference,first_name,last_name,date_of_birth,gender,service_user_type,local_authority,referral_date,referral_source,issues,urgency,allocated_to,allocation_date,closure_date,closure_outcome,ethnicity',
  'E2E-1,P1,Amira,Haddad,2012-04-01,female,CIC,Medway,2026-04-01,social_worker,PLACEMENT;CONTACT,high,Sam Advocate,2026-04-03,2026-05-10,all_issues_resolved,Black African',
  'E2E-2,P2,Tomasz,Nowak,2009-06-30,male,JA,Kent,2026-05-15,self,HOUSING,urgent,Sam Advocate,2026-05-15,,,WOTH',
  'E2E-3,P3,Lina,Tesfaye,2015-01-20,female,FGC,Kent,2026-06-30,carer,FGC,standard,,,,,BAFR',
].join('\n');

async function seed(app: Page): Promise<string> {
  return app.evaluate(async (csv) => {
    const heard = (window as unknown as { heard: HeardApi }).heard;
    const imported = await heard['caseload.import.apply']({ csv });
    if (!imported.ok || !imported.value.imported) throw new Error('The test data was not imported.');
    const list = await heard['caseload.list']({ statuses: ['closed'] });
    if (!list.ok || list.value.rows.length !== 1) throw new Error('Expected one closed case.');
    return list.value.rows[0]!.caseId;
  }, CSV);
}

/** Serious or critical accessibility problems inside one part of the page (the case page around it belongs to the caseload). */
async function expectAccessibleWithin(app: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page: app }).include(selector).analyze();
  expect(
    results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([]);
}

async function download(app: Page, button: string, menuItem?: string): Promise<{ name: string; bytes: Buffer }> {
  if (menuItem) await app.getByRole('button', { name: button }).click();
  const target = menuItem ? app.getByRole('menuitem', { name: menuItem }) : app.getByRole('button', { name: button });
  const [file] = await Promise.all([app.waitForEvent('download'), target.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test("feedback at closure, the quarter's figures, an anonymised case study, and CSV and PDF export", async ({
  unlockedApp: app,
  host,
}) => {
  test.setTimeout(300_000);
  const caseId = await seed(app);

  // The young person's feedback form on the closed case.
  await app.goto(`${host.url}#/caseload/${caseId}?tab=feedback`);
  await app.getByRole('button', { name: "Young person's form" }).click();
  await app.getByLabel('Date received').fill('12/05/2026');
  await app.getByRole('radiogroup', { name: 'Did you feel listened to?' }).getByRole('radio', { name: 'Yes' }).check();
  await app
    .getByRole('radiogroup', { name: 'Did things change?' })
    .getByRole('radio', { name: 'A bit / not sure' })
    .check();
  await app.getByLabel('What could we do better?').fill('Come more often');
  await app.getByLabel(/happy for these words to be quoted/).check();
  await expectAccessibleWithin(app, '[data-testid="feedback-form"]');
  await app.getByRole('button', { name: 'Save feedback' }).click();
  await expect(app.getByTestId('feedback-entry')).toContainText('received 12/05/2026');

  // The report for April to June 2026.
  await new ShellPage(app).goTo('Reports');
  await app.getByRole('combobox', { name: 'Period' }).click();
  await app.getByRole('option', { name: /April to June 2026/ }).click();
  await waitForAppState(app, 'report-ready');
  const figures = app.getByTestId('report-figures');
  await expect(figures.getByTestId('figure-summary').getByRole('row', { name: /^New referrals/ })).toContainText('3');
  const users = app.getByTestId('figure-service-users');
  await expect(users.getByRole('row', { name: /Children in care/ })).toContainText('33.3%');
  await expect(users.getByRole('img')).toHaveAccessibleName(
    /Children in care 1, Family group conference 1, Joint housing assessment \(16-17\) 1/,
  );
  await expect(app.getByTestId('figure-closed').getByRole('row', { name: /all issues resolved/ })).toContainText(
    '100%',
  );
  await expect(app.getByTestId('figure-feedback')).toContainText("1 young people's forms");
  await expect(app.getByText('Come more often')).toBeVisible();
  await expectAccessible(app);

  // A case study from the closed case: the young person's name and places are replaced.
  await app.getByRole('button', { name: 'Add a case study' }).click();
  await app.getByRole('combobox', { name: 'Case' }).click();
  await app.getByRole('option', { name: /E2E-1/ }).click();
  await app.getByRole('textbox', { name: 'Name to use instead' }).fill('Sky');
  await app.getByRole('textbox', { name: 'Title' }).fill('Amira, 14');
  await app
    .getByRole('textbox', { name: 'The story' })
    .fill('Amira Haddad wanted to live nearer her school in Medway.');
  await app.getByRole('button', { name: 'Anonymise and save' }).click();
  const section = app.getByTestId('report-section');
  await expect(section).toContainText('Sky wanted to live nearer her school in [place].');
  await expect(section).toContainText('Identifying details have been changed.');
  await expect(section).not.toContainText('Amira');

  // Behind each number: the cases it counts, by reference only.
  await app
    .getByTestId('figure-ethnicity')
    .getByRole('button', { name: /Black African: 2\. Show the cases/ })
    .click();
  const behind = app.getByRole('dialog', { name: 'Ethnicity: Black African' });
  await expect(behind.getByTestId('cases-behind')).toHaveText(/E2E-1\s*E2E-3/);
  await expect(behind).not.toContainText('Amira');
  await app.keyboard.press('Escape');

  const csv = await download(app, 'Export CSV', 'Ethnicity');
  expect(csv.name).toBe('heard-report-2026-04-01-to-2026-06-30.ethnicity.csv');
  expect(csv.bytes.toString('utf8').split('\r\n')).toContain('BAFR,Black African,2,66.7,0');
  const xlsx = await download(app, 'Export spreadsheet (XLSX)');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const pdf = await download(app, 'Export PDF');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(app.getByText(/saved outside the encrypted store/)).toBeVisible();
});

test('a systemic issue marked on a case reaches the report, grouped by area with its cases counted', async ({
  unlockedApp: app,
  host,
}) => {
  test.setTimeout(120_000);
  const caseId = await seed(app);
  await app.goto(`${host.url}#/caseload/${caseId}?tab=systemic`);
  await expect(app.getByText('No systemic issues from this case')).toBeVisible();
  await app.getByRole('button', { name: 'Mark a wider issue' }).click();
  const form = app.getByRole('form', { name: 'Systemic issue' });
  await form.getByRole('combobox', { name: 'Area' }).click();
  await app.getByRole('option', { name: 'Changes to health and social care' }).click();
  await form.getByRole('combobox', { name: 'Issue' }).fill('High turnover in the 16-plus team');
  await form.getByLabel('Date').fill('20/05/2026');
  await form.getByRole('button', { name: 'Save systemic issue' }).click();
  await expect(app.getByTestId('systemic-issue')).toContainText('High turnover in the 16-plus team');
  await expect(app.getByTestId('systemic-issue')).toContainText('Raised 20/05/2026');

  await new ShellPage(app).goTo('Reports');
  await app.getByRole('combobox', { name: 'Period' }).click();
  await app.getByRole('option', { name: /April to June 2026/ }).click();
  await waitForAppState(app, 'report-ready');
  const systemic = app.getByTestId('figure-systemic-issues');
  await expect(
    systemic.getByRole('row', { name: /Changes to health and social care: High turnover in the 16-plus team/ }),
  ).toContainText('1');
  await systemic
    .getByRole('button', { name: /Changes to health and social care \(cases\): 1\. Show the cases/ })
    .click();
  await expect(app.getByRole('dialog').getByTestId('cases-behind')).toHaveText('E2E-1');
});
