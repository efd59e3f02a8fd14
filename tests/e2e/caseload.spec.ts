import { expect, expectAccessible, test } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import { formatUkDate } from '../../shared/domain/dates';
import { CaseloadPage } from './pages/caseload-page';

test('take a referral, see it in triage, allocate it, find it by a word from its description, close it with an outcome', async ({
  unlockedApp: app,
  host,
}) => {
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
  await app
    .getByRole('textbox', { name: 'In their own words' })
    .fill('I want to live nearer to my grandmother in Luton');
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

test('import a spreadsheet: every problem listed by row and column, then a clean file previewed and imported', async ({
  unlockedApp: app,
  host,
}) => {
  const caseload = new CaseloadPage(app, host.url);
  const header =
    'reference,first_name,last_name,date_of_birth,service_user_type,local_authority,referral_date,issues,urgency,allocated_to,allocation_date,closure_date,closure_outcome';
  const good = [
    // Saved the UK way: dd/mm/yyyy, the words shown in the app, the council's full name.
    'IMP-1,Dawit,Tesfaye,01/05/2009,Child in care,Kent County Council,03/02/2025,Placement; Contact with family,High,,,,',
    'IMP-2,زینب,کریمی,2007-11-20,CL,Essex,2025-03-10,LEAVING_CARE,standard,Ali Shah,2025-03-12,2025-06-30,all_issues_resolved',
  ];
  const file = (rows: string[]) => ({
    name: 'referrals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf8'),
  });

  await caseload.open('/import');
  await app
    .locator('input[type=file]')
    .setInputFiles(
      file([
        ...good,
        'IMP-3,Ola,Nowak,2031-01-01,CIC,Kent,2025-04-01,PLACEMENT,standard,,,,',
        'IMP-1,Eve,Li,2010-01-01,CP,Kent,2025-04-01,HOUSES,standard,,,,',
      ]),
    );
  const problems = app.getByRole('table', { name: 'Problems by row and column' });
  await expect(problems.getByRole('row', { name: /4 date_of_birth The date of birth is in the future/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /5 reference .*also used on row 2/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /5 issues The 1st issue is not one Heard knows/ })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);

  await app.locator('input[type=file]').setInputFiles(file(good));
  await expect(app.getByText('Ready to import 2 referrals')).toBeVisible();
  await expect(app.getByRole('table', { name: 'First rows' })).toContainText('زینب کریمی');
  await expect(
    app.getByRole('table', { name: 'First rows' }).getByRole('row', { name: /Dawit Tesfaye/ }),
  ).toContainText(/CIC\s*Kent\s*03\/02\/2025\s*PLACEMENT; CONTACT/);
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

test.describe('dates and councils in the caseload', () => {
  // Each starts its own web host and store, which takes a while on a loaded machine.
  test.describe.configure({ timeout: 240_000 });

  test('typing dates in a referral: the usual UK and ISO ways are read, and a wrong one is refused with the reason beside it', async ({
    unlockedApp: app,
    host,
  }) => {
    const caseload = new CaseloadPage(app, host.url);
    await caseload.open('/new');
    await app.getByRole('textbox', { name: 'Your name' }).fill('Jo Marsh');
    await app.getByRole('textbox', { name: 'First name (legal)' }).fill('Dawit');
    const dob = app.getByRole('textbox', { name: 'Date of birth', exact: true });

    await caseload.typeDate('Date of birth', '31/02/2011');
    await expect(dob).toHaveAccessibleDescription(/31\/02 is not a date: February 2011 has 28 days\./);
    await expect(dob).toHaveAttribute('aria-invalid', 'true');
    // What was typed stays, so it can be put right rather than typed again.
    await expect(dob).toHaveValue('31/02/2011');

    await caseload.typeDate('Date of birth', '01/01/2099');
    await expect(dob).toHaveAccessibleDescription("A date of birth can't be in the future.");

    const referralDate = app.getByRole('textbox', { name: /^Referral date/ });
    await referralDate.fill('12/31/2025');
    await referralDate.press('Tab');
    await expect(referralDate).toHaveAccessibleDescription(
      /month first, as in the US\. Put the day first: 31\/12\/2025\./,
    );

    await caseload.choose('Service-user type', 'Child in care');
    await caseload.choose('Issue 1 theme', 'Placement');
    // Saving with a date still wrong is refused, saying which.
    await app.getByRole('button', { name: 'Save referral' }).click();
    await expect(app.getByRole('alert').filter({ hasText: 'A date needs correcting' })).toContainText(
      "A date of birth can't be in the future.",
    );

    await caseload.typeDate('Date of birth', '2011-03-14');
    await expect(dob).toHaveValue('14/03/2011');
    await referralDate.fill('1 Dec 2025');
    await referralDate.press('Tab');
    await expect(referralDate).toHaveValue('01/12/2025');

    // The consent date is picked from the calendar with the keyboard.
    await app.getByRole('textbox', { name: 'Consent and confidentiality explained on' }).focus();
    await app.keyboard.press('Tab');
    await expect(
      app.getByRole('button', { name: 'Open the calendar', expanded: false }).and(app.locator(':focus')),
    ).toBeVisible();
    await app.keyboard.press('Enter');
    const picker = app.getByRole('dialog', { name: 'Open the calendar' });
    await expect(picker).toBeVisible();
    // Days are named in full, so a screen reader says "Tuesday 1 December 2026", not "1".
    const today = await app.evaluate(() => new Date().toLocaleDateString('en-CA'));
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const dayName = new Date(Date.UTC(y, m - 1, d))
      .toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .replace(',', '');
    await picker.getByRole('button', { name: dayName }).focus();
    // The fields and the open calendar pass the accessibility checks (the entitlement panel beside them is checked elsewhere).
    const axe = await new AxeBuilder({ page: app })
      .include('section[aria-label="Referral"]')
      .include('[role="dialog"]')
      .analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} at ${v.nodes.map((n) => `${n.target.join(' ')} [${n.failureSummary ?? ''}]`).join(', ')}`),
    ).toEqual([]);
    await app.keyboard.press('ArrowLeft');
    await app.keyboard.press('Enter');
    const yesterday = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    await expect(app.getByRole('textbox', { name: 'Consent and confidentiality explained on' })).toHaveValue(
      formatUkDate(yesterday),
    );

    await app.getByRole('button', { name: 'Save referral' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Dawit' })).toBeVisible();
    await expect(app.getByText('14/03/2011')).toBeVisible();
    await expect(app.getByText('01/12/2025', { exact: true })).toBeVisible();
  });

  test('councils typed by hand that match no single council are listed, and the advocate chooses each; new ones come from the list', async ({
    unlockedApp: app,
    host,
  }) => {
    const caseload = new CaseloadPage(app, host.url);
    // Two records as a laptop on an older Heard would have synced them: a misspelling and a former county.
    await app.evaluate(async () => {
      const api = (
        window as unknown as {
          heard: Record<string, (i: unknown) => Promise<{ ok: boolean; error?: { message: string } }>>;
        }
      ).heard;
      for (const [name, la] of [
        ['Efua', 'Lancshire'],
        ['Nasrin', 'Cumbria'],
      ] as const) {
        const r = await api['caseload.referrals.create']!({
          person: { firstName: name, lastName: 'Test', localAuthority: la },
          referral: { referralDate: '2026-01-05', serviceUserType: 'CIC' },
          issues: [{ code: 'CONTACT' }],
        });
        if (!r.ok) throw new Error(r.error?.message);
      }
    });
    await caseload.open();
    await expect(app.getByRole('status').filter({ hasText: '2 cases have councils typed by hand' })).toBeVisible();
    await app.getByRole('link', { name: 'Choose the councils' }).click();
    const table = app.getByRole('table', { name: 'Councils to choose' });
    await expect(table.getByRole('row', { name: /Efua Test/ })).toContainText('Lancshire');
    await expectAccessible(app);

    // The misspelling is never matched for the advocate; Heard suggests Lancashire and waits to be told.
    const efua = table.getByRole('row', { name: /Efua Test/ });
    await expect(efua.getByText('It may be Lancashire.')).toBeVisible();
    await expect(efua.getByRole('combobox', { name: /^Council for Efua Test/ })).toHaveValue('Lancashire');
    await efua.getByRole('button', { name: 'Save' }).click();
    await expect(table.getByRole('row', { name: /Efua Test/ })).toHaveCount(0);

    const nasrin = table.getByRole('row', { name: /Nasrin Test/ });
    await expect(nasrin.getByText('It may be Cumberland or Westmorland and Furness.')).toBeVisible();
    await nasrin.getByRole('combobox', { name: /^Council for Nasrin Test/ }).fill('westm');
    await app.getByRole('option', { name: 'Westmorland and Furness', exact: true }).click();
    await nasrin.getByRole('button', { name: 'Save' }).click();
    await expect(app.getByText('Every council is chosen')).toBeVisible();

    // A new referral's council is chosen from the list by any of its names.
    await caseload.open('/new');
    await app.getByRole('textbox', { name: 'Your name' }).fill('Jo Marsh');
    await app.getByRole('textbox', { name: 'First name (legal)' }).fill('Idris');
    await app.getByRole('combobox', { name: 'Responsible local authority' }).fill('lancs');
    await app.getByRole('option', { name: 'Lancashire', exact: true }).click();
    await caseload.choose('Service-user type', 'Child in care');
    await caseload.choose('Issue 1 theme', 'Placement');
    await app.getByRole('button', { name: 'Save referral' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Idris' })).toBeVisible();

    // The caseload filter offers each council once, by name.
    await caseload.open();
    await app.getByText('Everyone’s').click();
    // Every status, not only open cases: the new referrals are waiting in triage.
    await app.getByRole('combobox', { name: 'Status' }).focus();
    await app.keyboard.press('Backspace');
    await app.keyboard.press('Escape');
    await app.getByRole('combobox', { name: 'Local authority' }).click();
    await expect(app.getByRole('option', { name: 'Lancashire', exact: true })).toHaveCount(1);
    await expect(app.getByRole('option', { name: 'Westmorland and Furness', exact: true })).toBeVisible();
    await app.getByRole('option', { name: 'Lancashire', exact: true }).click();
    await app.keyboard.press('Escape');
    const cases = app.getByRole('table', { name: 'Cases' });
    await expect(cases.getByRole('link', { name: 'Efua Test' })).toBeVisible();
    await expect(cases.getByRole('link', { name: 'Idris' })).toBeVisible();
    await expect(cases.getByRole('link', { name: 'Nasrin Test' })).toHaveCount(0);
  });
});
