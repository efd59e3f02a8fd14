import { expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/caseload-page';

test('take a referral, see it in triage, allocate it, find it by a word from its description, close it with an outcome', async ({ unlockedApp: app, host }) => {
  // A long journey through five screens: slow on a loaded machine, never waiting on a timer.
  test.setTimeout(240_000);
  const caseload = new CaseloadPage(app, host.url);
  await caseload.open('/new');
  await app.getByRole('textbox', { name: 'Your name' }).fill('Jo Marsh');
  await app.getByRole('textbox', { name: 'First name (legal)' }).fill('Samira');
  await app.getByRole('textbox', { name: 'Last name (legal)' }).fill('Okonjo');
  await caseload.typeDate('Date of birth', '14/03/2011');
  await caseload.choose('Service-user type', 'Child in care');
  await caseload.choose('Issue 1 theme', 'Placement');
  await app.getByRole('textbox', { name: 'In their own words' }).fill('I want to live nearer to my grandmother in Luton');
  await app.getByRole('textbox', { name: 'The outcome they want' }).fill('A placement near Luton');
  // The entitlement check follows what has been entered.
  await expect(app.getByTestId('entitlements')).toContainText('Child in care');
  await app.getByRole('button', { name: 'Save referral' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Samira Okonjo' })).toBeVisible();

  await caseload.open('/triage');
  await expectAccessible(app);
  const row = app.getByRole('row', { name: /Samira Okonjo/ });
  await expect(row).toContainText('Placement');
  await row.getByRole('button', { name: /^Allocate/ }).click();
  const dialog = app.getByRole('dialog', { name: 'Allocate this referral' });
  await expect(dialog.getByRole('combobox', { name: 'Advocate' })).toHaveValue('Jo Marsh');
  await dialog.getByRole('button', { name: 'Allocate', exact: true }).click();
  await expect(app.getByText('Nobody is waiting')).toBeVisible();

  await caseload.open();
  await app.getByRole('textbox', { name: 'Search' }).fill('grandmo');
  const cases = app.getByRole('table', { name: 'Cases' });
  await expect(cases.getByRole('link', { name: 'Samira Okonjo' })).toBeVisible();
  await expectAccessible(app);
  await app.getByRole('textbox', { name: 'Search' }).fill('grandfather');
  await expect(app.getByText('No cases match')).toBeVisible();
  await app.getByRole('textbox', { name: 'Search' }).fill('Luton');
  await cases.getByRole('link', { name: 'Samira Okonjo' }).click();

  await expect(app.getByRole('heading', { level: 1, name: 'Samira Okonjo' })).toBeVisible();
  await app.getByRole('tab', { name: 'Close case' }).click();
  await app.getByRole('button', { name: 'Close case' }).click();
  await expect(app.getByTestId('error-summary')).toContainText('Choose how the case ended.');
  await expect(app.getByText('Nothing is left open on this case')).toBeVisible();
  await caseload.choose('Closure outcome', 'All issues resolved');
  await caseload.choose('Outcome for Placement', 'Achieved');
  await app.getByRole('checkbox', { name: 'How to complain about the advocacy service' }).check();
  await app.getByRole('checkbox', { name: 'How to ask for a different advocate' }).check();
  await app.getByRole('checkbox', { name: 'How to come back to the service later' }).check();
  await app.getByRole('button', { name: 'Close case' }).click();
  await app.getByRole('dialog', { name: 'Close this case?' }).getByRole('button', { name: 'Close case' }).click();
  await expect(app.getByText(/Closed on \d\d\/\d\d\/\d{4}/)).toContainText('All issues resolved');

  await caseload.open();
  await expect(app.getByText('No cases here yet')).toBeVisible();
});

test('import a spreadsheet: every problem listed by row and column, then a clean file previewed and imported', async ({ unlockedApp: app, host }) => {
  const caseload = new CaseloadPage(app, host.url);
  const header = 'reference,first_name,last_name,date_of_birth,service_user_type,local_authority,referral_date,issues,urgency,allocated_to,allocation_date,closure_date,closure_outcome';
  const good = [
    'IMP-1,Dawit,Tesfaye,2009-05-01,CIC,Kent,2025-02-03,PLACEMENT;CONTACT,high,,,,',
    'IMP-2,زینب,کریمی,2007-11-20,CL,Essex,2025-03-10,LEAVING_CARE,standard,Ali Shah,2025-03-12,2025-06-30,all_issues_resolved',
  ];
  const file = (rows: string[]) => ({ name: 'referrals.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf8') });

  await caseload.open('/import');
  await app.locator('input[type=file]').setInputFiles(file([...good, 'IMP-3,Ola,Nowak,2031-01-01,CIC,Kent,2025-04-01,PLACEMENT,standard,,,,', 'IMP-1,Eve,Li,2010-01-01,CP,Kent,2025-04-01,HOUSES,standard,,,,']));
  const problems = app.getByRole('table', { name: 'Problems by row and column' });
  await expect(problems.getByRole('row', { name: /4 date_of_birth The date of birth is in the future/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /5 reference .*also used on row 2/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /5 issues The 1st issue code is not known/ })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

  await app.locator('input[type=file]').setInputFiles(file(good));
  await expect(app.getByText('Ready to import 2 referrals')).toBeVisible();
  await expect(app.getByRole('table', { name: 'First rows' })).toContainText('زینب کریمی');
  await app.getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('dialog', { name: 'Import these referrals?' }).getByRole('button', { name: 'Import' }).click();
  await expect(app.getByRole('status')).toContainText('Imported 2 referrals: 2 new, 0 updated, 0 unchanged.');

  await caseload.open();
  await app.getByText('Everyone’s').click();
  // As a keyboard user would: Backspace in the status box removes its "Open" choice.
  await app.getByRole('combobox', { name: 'Status' }).focus();
  await app.keyboard.press('Backspace');
  await app.keyboard.press('Escape');
  await app.getByRole('textbox', { name: 'Search' }).fill('IMP');
  await expect(app.getByRole('table', { name: 'Cases' }).getByRole('link')).toHaveText(['زینب کریمی', 'Dawit Tesfaye']);
  await app.getByRole('textbox', { name: 'Search' }).fill('کری');
  await expect(app.getByRole('table', { name: 'Cases' }).getByRole('link')).toHaveText(['زینب کریمی']);
});
