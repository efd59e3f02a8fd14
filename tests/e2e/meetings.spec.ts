import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { formatUkDate } from '../../shared/domain/dates';
import { addDays, mondayOf } from '../../shared/domain/meetings-calendar';
import { E2E_PASSPHRASE, expect, expectAccessible, test } from './fixtures';
import { MeetingsPage } from './pages/meetings-page';

test('a meeting, a statement written in the young-person view, agreement and PDF export', async ({
  unlockedApp: app,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  const meetings = new MeetingsPage(app);
  const child = await meetings.createCase('Tayo', 'Brennan');
  const other = await meetings.createCase('Zed', 'Ormond');
  // "Today" as the app sees it (the browser's time zone is Europe/London; this process's may differ).
  const today = await app.evaluate(() => new Date().toLocaleDateString('en-CA'));
  const meetingDate = addDays(today, 3);

  // Create a meeting from the calendar.
  await meetings.goto(host.url, '/calendar');
  await meetings.addMeeting({
    who: /Tayo Brennan/,
    type: 'Child in care review',
    date: formatUkDate(meetingDate),
    time: '14:30',
    place: 'Civic Centre, room 4',
  });
  await expect(app.getByRole('heading', { name: 'Child in care review' })).toBeVisible();
  await expectAccessible(app);

  // It shows on the Today screen's reminders and in the calendar's upcoming list.
  await meetings.goto(host.url, '/');
  await expect(app.getByRole('region', { name: 'Meetings in the next 7 days' })).toContainText('in 3 days');
  await meetings.goto(host.url, '/calendar');
  if (mondayOf(meetingDate) !== mondayOf(today)) await app.getByRole('button', { name: 'Next week' }).click();
  await expect(
    app
      .getByRole('region', { name: formatUkDate(meetingDate), exact: false })
      .getByRole('link', { name: /Child in care review · Tayo Brennan/ }),
  ).toBeVisible();
  await expectAccessible(app);
  await app.getByText('Month', { exact: true }).click();
  await expect(app.getByRole('heading', { name: /\w+ \d{4}$/ })).toBeVisible();
  await expectAccessible(app);
  await app.getByText('Upcoming', { exact: true }).click();
  await app.getByRole('link', { name: 'Child in care review' }).click();

  // Prepare a statement, then hand over the laptop.
  await app.getByRole('button', { name: 'Start statement' }).click();
  await expect(app.locator('html')).toHaveAttribute('data-app-state', 'statement-loaded');
  const statementUrl = app.url();
  await expectAccessible(app);
  await app.getByRole('button', { name: 'Open young-person view' }).click();
  await expect(app.locator('html')).toHaveAttribute('data-app-state', 'young-person-view');
  await expect(
    app.getByRole('heading', { name: `My views for my care review on ${formatUkDate(meetingDate)}` }),
  ).toBeVisible();

  const words = 'I like living with Jo and I want to stay until I finish school';
  await app.getByRole('textbox', { name: 'What I want to happen' }).fill(words);
  await app.getByRole('textbox', { name: 'What is going well' }).fill('Football on Saturdays');
  await app.getByRole('radio', { name: 'I will say it myself' }).click();
  await app.getByRole('button', { name: 'Save my words' }).click();
  await expect(app.getByText('Your words are saved.')).toBeVisible();

  // Nothing else is on screen: no navigation, no names, no references, no other case.
  await expect(app.getByRole('navigation')).toHaveCount(0);
  const visible = await app.locator('body').innerText();
  for (const secret of [
    'Tayo',
    'Brennan',
    child.reference,
    'Zed',
    'Ormond',
    other.reference,
    'Civic Centre',
    'Caseload',
    'Calendar',
  ]) {
    expect(visible).not.toContain(secret);
  }
  await expectAccessible(app);

  // Going elsewhere (back button, typed address, reload) lands on the same view.
  await meetings.goto(host.url, `/caseload/${other.caseId}`);
  await expect(app.getByTestId('young-person-view')).toBeVisible();
  await app.reload();
  await expect(app.getByRole('textbox', { name: 'What I want to happen' })).toHaveValue(words);
  expect(await app.locator('body').innerText()).not.toContain('Ormond');

  // A wrong passphrase keeps it there; the advocate's passphrase leaves it.
  await meetings.leaveYoungPersonView('not the passphrase');
  await expect(app.getByText('That passphrase is not right.', { exact: false })).toBeVisible();
  await expect(app.getByTestId('young-person-view')).toBeVisible();
  // Wrong attempts are throttled: if asked to wait, try again once the message says so.
  const passphrase = app.getByLabel('Advocate’s passphrase');
  for (let attempt = 0; attempt < 10; attempt++) {
    await passphrase.fill(E2E_PASSPHRASE);
    await app.getByRole('button', { name: 'Leave', exact: true }).click();
    const outcome = await Promise.race([
      app
        .getByTestId('young-person-view')
        .waitFor({ state: 'detached' })
        .then(
          () => 'left',
          () => 'gone',
        ),
      app
        .getByText(/Please wait/)
        .waitFor()
        .then(
          () => 'wait',
          () => 'gone',
        ),
    ]);
    if (outcome !== 'wait') break;
  }
  await expect(app.getByRole('heading', { name: 'My views statement' })).toBeVisible();
  expect(app.url()).toBe(statementUrl);
  await expect(app.getByRole('textbox', { name: 'What I want to happen', exact: true })).toHaveValue(words);

  // Export is refused until the young person has agreed the words.
  await app.getByRole('button', { name: 'Export as PDF' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Export PDF' }).click();
  await expect(app.getByText(/has not agreed it/)).toBeVisible();

  await app.getByRole('radio', { name: 'Read back to them and agreed' }).check();
  await app.getByRole('button', { name: 'Record their agreement' }).click();
  await expect(app.getByText(/The young person agreed these words on/)).toBeVisible();

  await app.getByRole('button', { name: 'Export as PDF' }).click();
  const download = app.waitForEvent('download');
  await app.getByRole('dialog').getByRole('button', { name: 'Export PDF' }).click();
  const file = testInfo.outputPath('statement.pdf');
  await (await download).saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(words);
  expect(text).toContain('Football on Saturdays');
  expect(text).toContain('Tayo Brennan');
  expect(text).toContain(`Child in care review, ${formatUkDate(meetingDate)}`);
  expect(text).not.toContain('Ormond');

  // The case page has a Meetings tab listing it.
  await meetings.goto(host.url, `/caseload/${child.caseId}`);
  await app.getByRole('tab', { name: 'Meetings' }).click();
  await expect(app.getByRole('link', { name: 'Child in care review' })).toBeVisible();
});
