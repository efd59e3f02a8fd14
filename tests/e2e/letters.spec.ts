import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { formatUkDate, todayIso } from '../../shared/domain/dates';
import { addWorkingDays } from '../../shared/domain/working-days';
import { expect, expectAccessible, test, waitForAppState } from './fixtures';
import { LettersPage } from './pages/letters-page';

test('a late Stage 1 complaint leads to a prefilled Stage 2 letter, edited, recorded as sent and exported', async ({ unlockedApp: app, host }, testInfo) => {
  test.setTimeout(180_000);
  const letters = new LettersPage(app);
  const name = 'محمد';
  const { caseId } = await letters.createCase(name);

  // The service's letterhead, set once.
  await letters.goto(host.url, '/letters');
  await app.getByLabel('Service name').fill('Northshire Advocacy');
  await app.getByLabel('Address').fill('12 Mill Lane\nNorthtown');
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
  await app.getByRole('alert').filter({ hasText: 'Stage 1 response is late' }).getByRole('button', { name: 'Write the letter' }).click();
  await waitForAppState(app, 'letter-open');
  await expect(app.getByLabel('Title')).toHaveValue('Request for a Stage 2 investigation');
  const text = app.getByTestId('letter-text');
  await expect(text).toContainText(`Request for a Stage 2 investigation for ${name}`);
  await expect(text).toContainText(formatUkDate(received));

  // Edit it; it saves itself.
  await text.click();
  await app.keyboard.press('Control+End');
  await app.keyboard.type(' We look forward to hearing from you.');
  await expect(app.getByTestId('letter-save-state')).toHaveText('All changes saved');
  await expectAccessible(app);

  // Record it as sent.
  await app.getByLabel('Date sent').fill(formatUkDate(todayIso()));
  await app.keyboard.press('Escape');
  await app.getByRole('combobox', { name: 'How it was sent' }).click();
  await app.getByRole('option', { name: 'Email' }).click();
  await app.getByRole('button', { name: 'Record as sent' }).click();
  await waitForAppState(app, 'letter-sent-recorded');
  await expect(app.getByText(`Sent on ${formatUkDate(todayIso())} by email.`)).toBeVisible();

  // Export: a warning first, then the file.
  await app.getByRole('button', { name: 'Export PDF' }).click();
  await expect(app.getByRole('dialog')).toContainText('outside Heard');
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'I understand, export' }).click();
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
  await expect(app.getByRole('row', { name: /Request for a Stage 2 investigation/ })).toContainText(formatUkDate(todayIso()));
});
