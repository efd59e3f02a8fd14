import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/ipc/contract';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
beforeAll(async () => {
  t = await createTestCore({ now: () => new Date('2026-03-10T10:00:00') });
});
afterAll(() => t.dispose());

const record = {
  disclosedAt: '2026-03-09T15:20',
  disclosure: 'He said his uncle hit him with a belt at the weekend',
  decision: 'Share with the duty social work team without consent',
  reason: 'Risk of significant harm to him and his sister',
  told: [{ name: 'Duty team', role: 'Children’s services', toldAt: '2026-03-09T16:00' }],
};

describe('safeguarding records', () => {
  it('cannot be deleted: there is no method for it, and a tombstone is refused underneath', async () => {
    expect(methodNames.filter((m) => m.startsWith('fieldwork.safeguarding.'))).not.toContainEqual(
      expect.stringMatching(/remove|delete/),
    );
    const r = await t.call('fieldwork.safeguarding.create', { caseId: 'sg-case', record });
    expect(() => t.core.context.write((w) => w.remove('safeguarding_record', r.id, 'sg-case'))).toThrow(
      /cannot be deleted/,
    );
    expect(await t.call('fieldwork.safeguarding.list', { caseId: 'sg-case' })).toHaveLength(1);
  });

  it('needs a reason to amend, and keeps every before and after', async () => {
    const r = await t.call('fieldwork.safeguarding.create', { caseId: 'sg-case-2', record });
    await expect(
      t.call('fieldwork.safeguarding.amend', { id: r.id, reason: '  ', changes: { outcome: 'Strategy meeting' } }),
    ).rejects.toThrow(/invalid_input/);
    await expect(
      t.call('fieldwork.safeguarding.amend', { id: r.id, reason: 'No change', changes: { decision: record.decision } }),
    ).rejects.toThrow(/Nothing in the record was changed/);
    const amended = await t.call('fieldwork.safeguarding.amend', {
      id: r.id,
      reason: 'Outcome now known',
      changes: { outcome: 'Strategy meeting held; plan agreed', status: 'closed' },
    });
    expect(amended).toMatchObject({
      outcome: 'Strategy meeting held; plan agreed',
      status: 'closed',
      amendmentCount: 1,
      disclosure: record.disclosure,
    });
    await t.call('fieldwork.safeguarding.amend', {
      id: r.id,
      reason: 'Typo in the time',
      changes: { disclosedAt: '2026-03-09T15:25' },
    });
    const history = await t.call('fieldwork.safeguarding.history', { id: r.id });
    expect(history.map((h) => h.reason)).toEqual(['Outcome now known', 'Typo in the time']);
    expect(history[0]!.changes).toEqual([
      { field: 'outcome', before: '', after: 'Strategy meeting held; plan agreed' },
      { field: 'status', before: 'open', after: 'closed' },
    ]);
    expect(history[1]!.changes).toEqual([
      { field: 'disclosedAt', before: '2026-03-09T15:20', after: '2026-03-09T15:25' },
    ]);
  });

  it('flags the cases that have a record, counting the open ones', async () => {
    const flags = await t.call('fieldwork.safeguarding.flags', { caseIds: ['sg-case', 'sg-case-2', 'quiet-case'] });
    expect(flags.sort((a, b) => a.caseId.localeCompare(b.caseId))).toEqual([
      { caseId: 'sg-case', records: 1, open: 1, latestDisclosedAt: '2026-03-09T15:20' },
      { caseId: 'sg-case-2', records: 1, open: 0, latestDisclosedAt: '2026-03-09T15:25' },
    ]);
  });
});

describe('actions', () => {
  it('lists open actions due within the week and overdue ones on Today, not done or later ones', async () => {
    const add = (description: string, dueOn: string) =>
      t.call('fieldwork.actions.save', {
        caseId: 'act-case',
        action: { owner: 'social_worker', ownerName: 'Sam', description, dueOn },
      });
    const overdue = await add('Send the pathway plan', '2026-03-01');
    await add('Book the review', '2026-03-15');
    await add('Next term', '2026-05-01');
    const done = await add('Ring the school', '2026-03-09');
    await t.call('fieldwork.actions.setDone', { id: done.id, done: true });
    const due = await t.call('fieldwork.actions.due', { withinDays: 7 });
    expect(due.map((a) => [a.description, a.overdue])).toEqual([
      ['Send the pathway plan', true],
      ['Book the review', false],
    ]);
    await t.call('fieldwork.actions.setDone', { id: overdue.id, done: true });
    expect((await t.call('fieldwork.actions.due', {})).map((a) => a.description)).toEqual(['Book the review']);
  });

  it('refuses an action with nothing to do, naming the field', async () => {
    await expect(
      t.call('fieldwork.actions.save', {
        caseId: 'act-case',
        action: { owner: 'advocate', description: ' ', dueOn: '2026-03-12' },
      }),
    ).rejects.toMatchObject({
      fields: { 'action.description': expect.any(String) },
    });
  });
});

describe('contacts, wishes and feelings, observations', () => {
  it('records a contact with travel and who was present, and corrects it', async () => {
    const c = await t.call('fieldwork.contacts.save', {
      caseId: 'c-case',
      contact: {
        type: 'visit',
        occurredAt: '2026-03-04T14:30',
        location: 'Placement',
        durationMinutes: 60,
        travelMinutes: 95,
        miles: 84.5,
        present: ['Foster carer'],
      },
    });
    const { id: _id, caseId: _case, noteCount: _n, ...fields } = c;
    await t.call('fieldwork.contacts.save', { caseId: 'c-case', id: c.id, contact: { ...fields, miles: 86 } });
    const [listed] = await t.call('fieldwork.contacts.list', { caseId: 'c-case' });
    expect(listed).toMatchObject({
      type: 'visit',
      travelMinutes: 95,
      miles: 86,
      present: ['Foster carer'],
      noteCount: 0,
    });
    await t.call('fieldwork.notes.create', { caseId: 'c-case', contactId: c.id, title: 'Visit' });
    expect((await t.call('fieldwork.contacts.list', { caseId: 'c-case' }))[0]!.noteCount).toBe(1);
    await t.call('fieldwork.contacts.remove', { id: c.id });
    expect(await t.call('fieldwork.contacts.list', { caseId: 'c-case' })).toEqual([]);
  });

  it('keeps wishes and feelings linked to issues, and refuses an empty entry', async () => {
    await expect(
      t.call('fieldwork.wishes.save', { caseId: 'w-case', entry: { recordedOn: '2026-03-04' } }),
    ).rejects.toThrow(/at least one/);
    const w = await t.call('fieldwork.wishes.save', {
      caseId: 'w-case',
      entry: { recordedOn: '2026-03-04', worries: 'Moving school', issueIds: ['issue-1'] },
    });
    expect(await t.call('fieldwork.wishes.list', { caseId: 'w-case' })).toEqual([
      { ...w, goingWell: '', wantToHappen: '', worries: 'Moving school', issueIds: ['issue-1'] },
    ]);
  });

  it('uses observations for a non-instructed case, told by the caseload record', async () => {
    const db = t.core.context.db();
    db.prepare(
      "INSERT INTO referrals (id, reference, advocacy_type) VALUES ('ni-case', 'HRD-NI-1', 'non_instructed')",
    ).run();
    db.prepare(
      "INSERT INTO referral_issues (id, referral_id, code, description) VALUES ('iss-1', 'ni-case', 'PLACEMENT', 'Respite care')",
    ).run();
    expect(await t.call('fieldwork.caseInfo', { caseId: 'ni-case' })).toEqual({
      advocacyType: 'non_instructed',
      issues: [{ id: 'iss-1', label: 'Placement: Respite care' }],
    });
    expect((await t.call('fieldwork.caseInfo', { caseId: 'unknown-case' })).advocacyType).toBe('instructed');
    const o = await t.call('fieldwork.observations.save', {
      caseId: 'ni-case',
      entry: {
        observedOn: '2026-03-05',
        communication: 'Uses Makaton and pointing',
        likes: 'Music',
        rightsUpheld: 'partly',
        issueIds: ['iss-1'],
      },
    });
    expect((await t.call('fieldwork.observations.list', { caseId: 'ni-case' }))[0]).toEqual(o);
  });
});
