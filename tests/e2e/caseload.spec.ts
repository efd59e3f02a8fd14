import { expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/caseload-page';

test('take a referral, see it in triage, allocate it, find it by a word from its description, close it with an outcome', async ({ unlockedApp: app, host }) => {
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
  await expect(app.getByText('Choose how the case ended.')).toBeVisible();
  await caseload.choose('Closure outcome', 'All issues resolved');
  await caseload.choose('Outcome for Placement', 'Achieved');
  await app.getByRole('button', { name: 'Close case' }).click();
  await app.getByRole('dialog', { name: 'Close this case?' }).getByRole('button', { name: 'Close case' }).click();
  await expect(app.getByText(/Closed on \d\d\/\d\d\/\d{4}/)).toContainText('All issues resolved');

  await caseload.open();
  await expect(app.getByText('No cases here yet')).toBeVisible();
});
