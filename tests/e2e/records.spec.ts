import { expect, test } from './fixtures';
import { CaseloadPage } from './pages/caseload-page';
import { CasePage } from './pages/case-page';

const CSV = [
  'reference,person_reference,first_name,last_name,date_of_birth,gender,service_user_type,local_authority,referral_date,referral_source,issues,urgency,allocated_to,allocation_date,closure_date,closure_outcome',
  'E2E-R1,P1,Amira,Haddad,2012-04-01,female,CIC,Medway,2026-05-02,social_worker,PLACEMENT,standard,Jo Marsh,2026-05-04,,',
].join('\n');

async function seedCase(cases: CasePage): Promise<string> {
  await cases.call('caseload.me.setName', { name: 'Jo Marsh' });
  const imported = await cases.call('caseload.import.apply', { csv: CSV });
  expect(imported.imported).toBe(true);
  const list = await cases.call('caseload.list', { query: 'E2E-R1' });
  return list.rows[0]!.caseId;
}

const isoDaysFromToday = (days: number): string => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('correct a gender and a date of birth after saving: the report follows and the history shows both', async ({
  unlockedApp: app,
  host,
}) => {
  // Many screens on a loaded machine: a longer limit, never a wait on a timer.
  test.setTimeout(240_000);
  const cases = new CasePage(app, host.url);
  const caseId = await seedCase(cases);

  await cases.showReport(/April to June 2026/);
  await expect(app.getByRole('img', { name: /^Gender:/ })).toHaveAccessibleName('Gender: Female 1.');
  await expect(app.getByRole('img', { name: /^Age at referral:/ })).toHaveAccessibleName(
    'Age at referral: 11-15 years 1.',
  );

  await cases.open(caseId);
  await app.getByRole('button', { name: 'Edit details' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit details' });
  const caseload = new CaseloadPage(app, host.url);
  await caseload.choose('Gender', 'Male');
  await caseload.typeDate('Date of birth', '01/04/2009');
  await dialog.getByLabel(/Why are you changing this/).fill('Typed in error at referral');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  const person = app.getByRole('region', { name: 'Person' });
  await expect(person).toContainText('01/04/2009 (17)');
  await expect(person).toContainText('Male');

  await app.getByRole('tab', { name: 'History' }).click();
  const correction = app.getByRole('article', { name: /Young person’s details corrected/ });
  await expect(correction).toContainText('by Jo Marsh');
  await expect(correction).toContainText('Why: Typed in error at referral');
  await expect(correction.getByRole('row', { name: /Date of birth/ })).toHaveText(
    /Date of birth\s*01\/04\/2012\s*01\/04\/2009/,
  );
  await expect(correction.getByRole('row', { name: /Gender/ })).toHaveText(/Gender\s*Female\s*Male/);

  await cases.showReport(/April to June 2026/);
  await expect(app.getByRole('img', { name: /^Gender:/ })).toHaveAccessibleName('Gender: Male 1.');
  await expect(app.getByRole('img', { name: /^Age at referral:/ })).toHaveAccessibleName(
    'Age at referral: 16-17 years 1.',
  );
});

test('closing a case with open work shows each piece, and closes only once each is settled, carried or cancelled', async ({
  unlockedApp: app,
  host,
}) => {
  // Many screens on a loaded machine: a longer limit, never a wait on a timer.
  test.setTimeout(240_000);
  const cases = new CasePage(app, host.url);
  const caseId = await seedCase(cases);
  await cases.call('fieldwork.actions.save', {
    caseId,
    action: { owner: 'advocate', description: 'Ring the IRO', dueOn: isoDaysFromToday(-2) },
  });
  await cases.call('fieldwork.safeguarding.create', {
    caseId,
    record: {
      disclosedAt: `${isoDaysFromToday(-5)}T15:00`,
      disclosure: 'Said she was hit',
      decision: 'Referred to MASH',
      reason: 'Risk of harm',
    },
  });
  await cases.call('complaints.save', {
    caseId,
    stage: 'stage1',
    receivedOn: isoDaysFromToday(-3),
    summary: 'Contact stopped',
  });
  const letter = await cases.call('letters.create', { caseId, templateId: 'iro-concern' });
  const meetingDay = isoDaysFromToday(7);
  await cases.call('meetings.save', { caseId, type: 'cic_review', date: meetingDay, invitees: [] });

  await cases.open(caseId, 'closure');
  await expect(app.getByTestId('open-work-item')).toHaveCount(5);
  const group = (name: RegExp) => app.getByRole('group', { name });
  const concern = group(/^Safeguarding: Safeguarding record of/);
  const complaint = group(/^Complaint: Stage 1/);
  const action = group(/^Action: Ring the IRO/);
  const unsent = group(new RegExp(`^Letter: Letter not yet sent: ${letter.title}`));
  const meeting = group(/^Meeting: Child in care review on/);
  await expect(action).toContainText('Overdue');

  const caseload = new CaseloadPage(app, host.url);
  await caseload.choose('Closure outcome', 'Outstanding issues');
  for (const told of [
    'How to complain about the advocacy service',
    'How to ask for a different advocate',
    'How to come back to the service later',
  ]) {
    await app.getByRole('checkbox', { name: told }).check();
  }
  await app.getByRole('button', { name: 'Close case' }).click();
  const summary = app.getByTestId('error-summary');
  await expect(summary.getByRole('link')).toHaveCount(5);
  await expect(summary).toContainText('Safeguarding: decide about');
  // The first problem takes the focus, so the keyboard lands where the work is.
  await expect(concern.getByRole('radio', { name: 'Close the record (kept as an amendment)' })).toBeFocused();
  // A safeguarding record can be closed or carried, never cancelled.
  await expect(concern.getByRole('radio')).toHaveCount(2);

  await concern.getByRole('radio', { name: 'Keep it open after the case closes' }).check();
  await concern
    .getByRole('textbox', { name: 'Why does it carry on?' })
    .fill('MASH still deciding; the social worker knows');
  await complaint.getByRole('radio', { name: 'Carries on after the case closes' }).check();
  await complaint
    .getByRole('textbox', { name: 'Why does it carry on?' })
    .fill('Her social worker will help with the response');
  await action.getByRole('radio', { name: 'Cancel it' }).check();
  await unsent.getByRole('radio', { name: 'Keep it to send later' }).check();
  await app.getByRole('button', { name: 'Close case' }).click();
  // Two still to settle: the letter's reason, and the meeting.
  await expect(summary.getByRole('link')).toHaveCount(2);
  await expect(summary).toContainText('Meeting: decide about');
  await expect(app.getByRole('tab', { name: 'Close case' })).toBeVisible();

  await unsent.getByRole('textbox', { name: 'Why does it carry on?' }).fill('Send once the IRO replies');
  await meeting.getByRole('radio', { name: 'Cancel the meeting' }).check();
  await app.getByRole('button', { name: 'Close case' }).click();
  const confirm = app.getByRole('dialog', { name: 'Close this case?' });
  await expect(confirm).toContainText('0 will be settled, 3 carried on and 2 cancelled');
  await confirm.getByRole('button', { name: 'Close case' }).click();

  await expect(app.getByText(/Closed on \d\d\/\d\d\/\d{4}/)).toContainText('Outstanding issues');
  const kept = app.getByRole('region', { name: 'Open work at closure' });
  await expect(kept.getByRole('listitem')).toHaveCount(5);
  await expect(kept).toContainText('Action: Ring the IRO — Cancelled');
  await expect(kept).toContainText('Carried on (MASH still deciding; the social worker knows)');
  await expect(app.getByRole('button', { name: 'Write the closing letter' })).toBeVisible();
  await app.getByRole('button', { name: 'Offer the feedback form' }).click();
  await expect(app.getByRole('tab', { name: 'Feedback' })).toHaveAttribute('aria-selected', 'true');

  // Nothing vanished: the cancelled action is still listed, marked as cancelled.
  await app.getByRole('tab', { name: 'Actions' }).click();
  await expect(app.getByRole('row', { name: /Ring the IRO/ })).toContainText('Cancelled when the case closed');
});

test('a half-taken referral: problems listed at the top as links with the focus on the first, and clearing asks first', async ({
  unlockedApp: app,
  host,
}) => {
  test.setTimeout(180_000);
  const caseload = new CaseloadPage(app, host.url);
  await caseload.open('/new');
  const firstName = app.getByRole('textbox', { name: 'First name (legal)' });
  await firstName.fill('Samira');
  await app.getByRole('button', { name: 'Save referral' }).click();
  const summary = app.getByTestId('error-summary');
  await expect(summary.getByRole('link')).toHaveText([
    'Choose the service-user type.',
    'Add at least one issue with its theme.',
  ]);
  await expect(app.getByRole('combobox', { name: 'Service-user type' })).toBeFocused();
  await summary.getByRole('link', { name: 'Add at least one issue with its theme.' }).click();
  await expect(app.getByRole('combobox', { name: 'Issue 1 theme' })).toBeFocused();

  await app.getByRole('button', { name: 'Clear the form' }).click();
  const ask = app.getByRole('dialog', { name: 'Clear the whole form?' });
  await ask.getByRole('button', { name: 'Keep what I typed' }).click();
  await expect(ask).toBeHidden();
  await expect(firstName).toHaveValue('Samira');
  await app.getByRole('button', { name: 'Clear the form' }).click();
  await ask.getByRole('button', { name: 'Clear the form' }).click();
  await expect(firstName).toHaveValue('');
  await expect(summary).toBeHidden();
});
