import type { Page } from '@playwright/test';
import { E2E_PASSPHRASE, expect, expectAccessible, test } from './fixtures';
import { CaseloadPage } from './pages/caseload-page';
import { VaultPage } from './pages/vault-page';

const CASE = 'e2e-fieldwork-case';
const casePage = (url: string, tab = 'contacts') => `${url}#/fieldwork/case/${CASE}?tab=${tab}`;
const noteText = (app: Page) => app.getByRole('textbox', { name: 'Note text' });

test('a note being typed survives the core being killed without warning', async ({ unlockedApp: app, host }) => {
  await app.goto(casePage(host.url));
  await app.getByRole('button', { name: 'New note' }).click();
  await noteText(app).click();
  const advocate = 'Visited at the placement. She said ';
  await app.keyboard.type(advocate);
  await app.getByRole('button', { name: "Young person's own words" }).click();
  await noteText(app).click();
  await app.keyboard.press('End');
  // About five seconds of steady typing: a save must happen during it, not only after a pause.
  const own = 'I want to stay at Oakfield until my exams are done';
  await app.keyboard.type(own, { delay: 100 });
  await expect(app.locator('html')).toHaveAttribute('data-note-saved-at', /.+/);
  await host.kill();

  await host.start();
  await app.goto(casePage(host.url));
  await new VaultPage(app).unlock(E2E_PASSPHRASE);
  await app.getByRole('button', { name: 'Untitled note' }).click();
  const saved = (await noteText(app).innerText()).replace(/\s+/g, ' ').trim();
  const typed = `${advocate}${own}`;
  // Everything typed more than two seconds before the kill is there (the first 20 characters of
  // the quote were typed at least three seconds before it), and nothing that was not typed.
  expect(typed.startsWith(saved)).toBe(true);
  expect(saved.length).toBeGreaterThanOrEqual(advocate.length + 20);
  await expect(noteText(app).locator('q[data-young-person-words]')).toContainText(own.slice(0, 20));
});

test('a note is saved before Heard locks, however soon after typing', async ({ unlockedApp: app, host }) => {
  const vault = new VaultPage(app);
  await app.goto(casePage(host.url));
  await app.getByRole('button', { name: 'New note' }).click();
  await noteText(app).click();
  await app.keyboard.type('Ring the IRO about moving the review');
  // Lock at once, well inside the two-second autosave interval: leaving the editor and the lock
  // itself (drafts are flushed before the store closes) must both get the text saved.
  await vault.lock();
  await vault.unlock(E2E_PASSPHRASE);
  await app.goto(casePage(host.url));
  await app.getByRole('button', { name: 'Untitled note' }).click();
  await expect(noteText(app)).toHaveText('Ring the IRO about moving the review');
});

test('contacts, notes, search, actions and safeguarding for a case', async ({ unlockedApp: app, host }) => {
  test.setTimeout(180_000);
  await app.goto(casePage(host.url));
  await expectAccessible(app);

  await app.getByRole('button', { name: 'Record a contact' }).click();
  // The date typed the UK way with dots, the time without a colon: both read on the 24-hour clock.
  const when = app.getByRole('group', { name: 'Date and time' });
  await when.getByRole('textbox', { name: /^Date/ }).fill('04.03.2026');
  await when.getByRole('textbox', { name: /^Time/ }).fill('1430');
  await when.getByRole('textbox', { name: /^Time/ }).press('Tab');
  await expect(when.getByRole('textbox', { name: /^Time/ })).toHaveValue('14:30');
  await app.getByLabel('Where').fill('Foster placement, Barnstaple');
  await app.getByLabel('Miles travelled').fill('84');
  await app.getByRole('combobox', { name: 'Who was present' }).fill('Foster carer');
  await app.keyboard.press('Enter');
  await app.getByRole('button', { name: 'Save contact' }).click();
  await expect(app.getByRole('cell', { name: '04/03/2026 14:30', exact: true })).toBeVisible();
  await expect(app.getByRole('cell', { name: 'Foster carer', exact: true })).toBeVisible();

  await app.getByRole('button', { name: /Write a note about the Visit/ }).click();
  await noteText(app).click();
  await app.keyboard.type('Talked about college and the bus to Exeter.');
  await app.getByRole('button', { name: 'Close note' }).click();
  await app.getByLabel("Search this case's notes").fill('exeter');
  await expect(app.getByTestId('search-hit').locator('mark')).toHaveText('Exeter');

  // A version is kept and can be opened.
  await app.getByTestId('search-hit').click();
  await app.getByRole('button', { name: 'Earlier versions' }).click();
  // The newest version is listed first (more than one may have been saved while typing).
  await app
    .getByRole('button', { name: /^Open version \d+$/ })
    .first()
    .click();
  await expect(app.getByRole('document', { name: /^Version \d+ of the note$/ })).toContainText('bus to Exeter');
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Close note' }).click();

  await app.getByRole('tab', { name: 'Actions' }).click();
  await app.getByRole('button', { name: 'Add an action' }).click();
  await app.getByLabel('What needs doing').fill('Chase the IRO about the review date');
  await app.getByRole('textbox', { name: /^By when/ }).fill('1 Jan 2020');
  await app.getByRole('button', { name: 'Save action' }).click();
  await expect(app.getByText('Overdue')).toBeVisible();
  await expectAccessible(app);

  await app.getByRole('tab', { name: 'Safeguarding' }).click();
  await expect(app.getByTestId('safeguarding-flag')).toHaveCount(0);
  await app.getByRole('button', { name: 'Record a safeguarding concern' }).click();
  await app
    .getByLabel("What was disclosed, in the young person's words")
    .fill('He said his uncle hit him last weekend');
  await app.getByLabel(/^Your decision/).fill('Share with the duty team today');
  await app.getByLabel('The reason for your decision').fill('Risk of significant harm');
  await app.getByRole('button', { name: 'Save safeguarding record' }).click();
  await expect(app.getByTestId('safeguarding-flag')).toContainText('Safeguarding: 1 open');
  await expect(app.getByRole('button', { name: /delete/i })).toHaveCount(0);
  await app.getByRole('button', { name: 'Amend' }).click();
  await app.getByLabel('Outcome').fill('Strategy meeting held');
  await app.getByRole('button', { name: 'Save amendment' }).click();
  // Without a reason the amendment is not saved: the form sends the advocate to the reason box.
  await expect(app.getByLabel(/^Why you are amending this record/)).toBeFocused();
  await expect(app.getByRole('button', { name: /amendment/ })).toHaveCount(1);
  await app.getByLabel(/^Why you are amending this record/).fill('Outcome now known');
  await app.getByRole('button', { name: 'Save amendment' }).click();
  await app.getByRole('button', { name: 'Show 1 amendment' }).click();
  await expect(app.getByText('Outcome now known')).toBeVisible();
  await expectAccessible(app);

  await app.goto(`${host.url}#/`);
  await expect(app.getByRole('region', { name: 'Actions due and overdue' })).toContainText(
    'Chase the IRO about the review date',
  );
});

test('on a real case: observations for a non-instructed child linked to an issue, the flag, and a note found from Today', async ({
  unlockedApp: app,
  host,
}) => {
  test.setTimeout(180_000);
  const caseload = new CaseloadPage(app, host.url);
  await caseload.open('/new');
  await app.getByRole('textbox', { name: 'Your name' }).fill('Jo Marsh');
  await app.getByRole('textbox', { name: 'First name (legal)' }).fill('Noah');
  await app.getByRole('textbox', { name: 'Last name (legal)' }).fill('Pellegrini');
  await caseload.typeDate('Date of birth', '02/05/2019');
  await caseload.choose('Service-user type', 'Child in care');
  await app.getByRole('radio', { name: 'Non-instructed (they cannot instruct)' }).check();
  await caseload.choose('Issue 1 theme', 'Placement');
  await app.getByRole('textbox', { name: 'In their own words' }).fill('Respite care arrangements');
  await app.getByRole('button', { name: 'Save referral' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Noah Pellegrini' })).toBeVisible();

  // Non-instructed: the observation template replaces wishes and feelings.
  await app.getByRole('tab', { name: 'Wishes and feelings' }).click();
  await app.getByRole('button', { name: 'Add an observation' }).click();
  await app.getByLabel('How they communicate').fill('Uses Makaton signs and points to pictures');
  await app.getByRole('checkbox', { name: /^Placement/ }).check();
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Uses Makaton signs and points to pictures')).toBeVisible();
  await expect(app.getByText(/^Placement/).last()).toBeVisible();
  // The caseload's "referral saved" notification has an unlabelled close button (reported); let it go first.
  await expect(app.locator('.mantine-Notification-root')).toHaveCount(0);
  await expectAccessible(app);

  await app.getByRole('tab', { name: 'Safeguarding' }).click();
  await app.getByRole('button', { name: 'Record a safeguarding concern' }).click();
  await app.getByLabel("What was disclosed, in the young person's words").fill('Showed a bruise and signed "hurt"');
  await app.getByLabel(/^Your decision/).fill('Tell the social worker today');
  await app.getByLabel('The reason for your decision').fill('Possible physical harm');
  await app.getByRole('button', { name: 'Save safeguarding record' }).click();
  await expect(app.getByTestId('safeguarding-flag')).toContainText('Safeguarding: 1 open');

  await app.getByRole('tab', { name: 'Contacts and notes' }).click();
  await app.getByRole('button', { name: 'New note' }).click();
  await app.getByLabel('Title').fill('Respite visit');
  await noteText(app).click();
  await app.keyboard.type('Settled quickly with the carer at Hollybrook.');
  await app.getByRole('button', { name: 'Close note' }).click();

  await app.goto(`${host.url}#/`);
  await app.getByRole('searchbox', { name: 'Search all notes' }).fill('hollybrook');
  await app.getByTestId('search-hit').click();
  await expect(app.getByRole('heading', { level: 1, name: 'Noah Pellegrini' })).toBeVisible();
  await expect(noteText(app)).toContainText('Settled quickly with the carer at Hollybrook.');
});
