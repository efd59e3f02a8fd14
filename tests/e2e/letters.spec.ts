import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { formatUkDate, todayIso } from '../../shared/domain/dates';
import { addWorkingDays } from '../../shared/domain/working-days';
import { expect, expectAccessible, test, waitForAppState } from './fixtures';
import { LettersPage } from './pages/letters-page';

test('a Stage 1 letter written from its complaint is exported, recorded as sent, locked, and shown on the complaint', async ({
  unlockedApp: app,
  host,
}, testInfo) => {
  test.setTimeout(300_000);
  const letters = new LettersPage(app);
  const { caseId } = await letters.createCase(
    'محمد',
    { firstName: 'Mohammed', lastName: 'Karimi', pronouns: 'he/him', dateOfBirth: '2010-04-02' },
    {
      description: 'Family time with his brother keeps being cancelled',
      wantedOutcome: 'Family time every week that goes ahead',
    },
  );
  await letters.recordWishes(caseId, '2026-01-10', 'I want to see my brother every week like I was promised.');
  await letters.setLetterhead('Northshire Advocacy', '12 Mill Lane\nNorthtown');

  // The complaint first: the council received it two working days ago.
  const received = addWorkingDays(todayIso(), -2);
  await letters.goto(host.url, `/caseload/${caseId}?tab=complaints`);
  await waitForAppState(app, 'complaints-loaded');
  await letters.recordComplaint(formatUkDate(received), 'Family time cancelled without notice');
  const complaint = app.getByRole('article', { name: /Stage 1/ });

  // The letter starts from the complaint, quoting words the young person said.
  await complaint.getByRole('button', { name: 'Write the Stage 1 letter' }).click();
  await waitForAppState(app, 'own-words-listed');
  const dialog = app.getByRole('dialog', { name: 'Write: Stage 1 complaint' });
  await dialog.getByRole('radio', { name: /I want to see my brother every week/ }).check();
  await expectAccessible(app);
  await dialog.getByRole('button', { name: 'Write letter' }).click();
  await waitForAppState(app, 'letter-open');
  const text = letters.letterText();
  await expect(text).toContainText('Complaint on behalf of Mohammed Karimi (محمد)');
  await expect(text).toContainText('(date of birth 02/04/2010) has asked me to help him make a complaint');
  await expect(text).toContainText('I want to see my brother every week like I was promised.');
  await expect(text).toContainText('Family time every week that goes ahead');
  await expect(text).toContainText(`a response is due by ${formatUkDate(addWorkingDays(received, 10))}`);
  // On screen as in the PDF: the English heading runs left to right, the Arabic name is its own run.
  const heading = text.getByRole('heading', { name: /Complaint on behalf of/ });
  await expect(heading).toHaveAttribute('dir', 'ltr');
  await expect(heading.locator('[dir="rtl"]')).toHaveText('محمد');

  // Export: the case held every fact, so there is nothing to fill and only the warning to accept.
  await app.getByRole('button', { name: 'Export PDF' }).click();
  const download = letters.confirmExport();
  const file = testInfo.outputPath('stage1.pdf');
  await (await download).saveAs(file);
  await waitForAppState(app, 'letter-exported');
  const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
  expect(pdf).toContain('Mohammed Karimi');
  expect(pdf).toContain('I want to see my brother every week');
  expect(pdf).not.toMatch(/\[[^\]]+\]/);

  // Recorded as sent: locked, with a correction offered instead of editing.
  await letters.recordSent(formatUkDate(todayIso()), 'Email');
  await waitForAppState(app, 'letter-sent-recorded');
  await expect(app.getByTestId('letter-locked')).toContainText(`Sent on ${formatUkDate(todayIso())} by email.`);
  await expect(text).toHaveAttribute('contenteditable', 'false');
  await expect(app.getByRole('button', { name: 'Write a correction' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Delete draft' })).toHaveCount(0);
  await expectAccessible(app);

  // The complaint shows its letter, sent.
  await letters.goto(host.url, `/caseload/${caseId}?tab=complaints`);
  await waitForAppState(app, 'complaints-loaded');
  await expect(complaint.getByRole('list', { name: 'Letters for this complaint' })).toContainText(
    `Stage 1 complaint, sent ${formatUkDate(todayIso())} by email`,
  );
  await expect(complaint.getByRole('button', { name: 'Write the Stage 1 letter' })).toHaveCount(0);

  // A correction is a new version that says what changed; as a draft it can be deleted, and undone.
  await complaint.getByRole('link', { name: 'Stage 1 complaint' }).click();
  await waitForAppState(app, 'letter-open');
  await app.getByRole('button', { name: 'Write a correction' }).click();
  await app
    .getByRole('dialog', { name: 'Write a correction' })
    .getByLabel('What does the correction change?')
    .fill('The date of birth was wrong');
  await app.getByRole('button', { name: 'Write the correction' }).click();
  await expect(app.getByText('Version 2, correcting')).toBeVisible();
  await expect(letters.letterText()).toContainText('Correction: this letter replaces our letter of');
  await expect(letters.letterText()).toContainText('The date of birth was wrong.');
  await app.getByRole('button', { name: 'Delete draft' }).click();
  await app.getByRole('dialog', { name: 'Delete this draft?' }).getByRole('button', { name: 'Delete draft' }).click();
  await waitForAppState(app, 'letters-loaded');
  await expect(app.getByRole('row', { name: /version 2/ })).toHaveCount(0);
  await app.getByRole('status').filter({ hasText: 'Draft deleted' }).getByRole('button', { name: 'Undo' }).click();
  await waitForAppState(app, 'letter-restored');
  await expect(app.getByRole('row', { name: /Stage 1 complaint \(version 2, a correction\)/ })).toContainText(
    'Not sent',
  );
});

test('a late Stage 1 complaint leads to a prefilled Stage 2 letter, edited, recorded as sent and exported', async ({
  unlockedApp: app,
  host,
}, testInfo) => {
  test.setTimeout(300_000);
  const letters = new LettersPage(app);
  const name = 'محمد';
  const { caseId } = await letters.createCase(name);

  // The service's letterhead, set once.
  await letters.goto(host.url, '/letters');
  await app.getByLabel('Service name').fill('Northshire Advocacy');
  await app.getByLabel('Address', { exact: true }).fill('12 Mill Lane\nNorthtown');
  await app.getByRole('button', { name: 'Save letterhead' }).click();
  await waitForAppState(app, 'letterhead-saved');

  // Record a complaint the council received 12 working days ago: its 10 days have run out.
  const received = addWorkingDays(todayIso(), -12);
  await letters.goto(host.url, `/caseload/${caseId}?tab=complaints`);
  await waitForAppState(app, 'complaints-loaded');
  await letters.recordComplaint(formatUkDate(received), 'Family time cancelled without notice');
  const complaint = app.getByRole('article', { name: /Stage 1/ });
  await expect(complaint).toContainText('Overdue');
  await expect(complaint).toContainText(`was due ${formatUkDate(addWorkingDays(received, 10))}`);
  await expectAccessible(app);

  // The Today screen says so, with the next step.
  await letters.goto(host.url, '/');
  const panel = app.getByRole('region', { name: 'Complaint deadlines missed' });
  await expect(panel).toContainText(name);
  await expect(panel).toContainText('Ask for a Stage 2 investigation');

  // The case page's banner offers the letter for the next step, already filled in.
  await letters.goto(host.url, `/caseload/${caseId}`);
  await app
    .getByRole('alert')
    .filter({ hasText: 'Stage 1 response is late' })
    .getByRole('button', { name: 'Write the letter' })
    .click();
  await waitForAppState(app, 'letter-open');
  await expect(app.getByLabel('Title')).toHaveValue('Request for a Stage 2 investigation');
  const text = app.getByTestId('letter-text');
  await expect(text).toContainText(`Request for a Stage 2 investigation for Test Person (${name})`);
  await expect(text).toContainText(formatUkDate(received));

  // Edit it; it saves itself.
  await text.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' We look forward to hearing from you.');
  await expect(app.getByTestId('letter-save-state')).toHaveText('All changes saved');
  await expectAccessible(app);

  // Record it as sent: the prompts still in [brackets] are listed first, to fill or leave.
  await letters.recordSent(formatUkDate(todayIso()), 'Email');
  const left = await letters.leaveEveryPlaceholder('Record as sent');
  expect(left.length).toBeGreaterThan(0);
  await waitForAppState(app, 'letter-sent-recorded');
  await expect(app.getByTestId('letter-locked')).toContainText(`Sent on ${formatUkDate(todayIso())} by email.`);

  // Export: nothing more to decide, a warning first, then the file.
  await app.getByRole('button', { name: 'Export PDF' }).click();
  const download = letters.confirmExport();
  const file = testInfo.outputPath('letter.pdf');
  await (await download).saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u202A-\u202E]/g, '');
  expect(pdf).toContain('Northshire Advocacy');
  expect(pdf).toContain(name);
  expect(pdf).toContain('We look forward to hearing from you.');
  expect(pdf).toContain('Confidential');
  expect((await download).suggestedFilename()).not.toContain(name);

  // The case's letters list shows it as sent.
  await letters.goto(host.url, `/caseload/${caseId}?tab=letters`);
  await waitForAppState(app, 'letters-loaded');
  await expect(app.getByRole('row', { name: /Request for a Stage 2 investigation/ })).toContainText(
    formatUkDate(todayIso()),
  );
});
