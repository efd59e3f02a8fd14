import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
let caseId: string;
let personId: string;
const now = new Date('2026-12-03T10:00:00');

beforeAll(async () => {
  t = await createTestCore({ now: () => now, autoSync: false });
  await t.call('caseload.me.setName', { name: 'Sam Okafor' });
  const made = await t.call('caseload.referrals.create', {
    person: {
      firstName: 'Amira',
      lastName: 'Haddad',
      dateOfBirth: '2012-04-01',
      gender: 'male',
      localAuthority: 'Lancashire',
      placementInArea: true,
    },
    referral: { referralDate: '2026-11-02', serviceUserType: 'CIC', source: 'social_worker' },
    issues: [{ code: 'CONTACT', description: 'Wants to see her brother' }],
  });
  caseId = made.caseId;
  personId = (await t.call('caseload.case.get', { caseId }))!.person!.id;
});
afterAll(() => t.dispose());

const quarter = { from: '2026-10-01', to: '2026-12-31' };

describe('correcting saved details', () => {
  it('corrects a gender and a date of birth, keeps both before and after with who, when and why, and the report follows', async () => {
    const before = await t.call('reports.quarterly', { period: quarter });
    expect(before.byGender.male).toBe(1);
    expect(before.byAgeBand['11-15']).toBe(1);

    const person = await t.call('caseload.people.update', {
      personId,
      caseId,
      fields: { gender: 'female', dateOfBirth: '2009-04-01' },
      reason: 'Typed in error at referral',
    });
    expect(person).toMatchObject({ gender: 'female', dateOfBirth: '2009-04-01' });

    const history = await t.call('caseload.case.history', { caseId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      entity: 'person',
      recordId: personId,
      kind: 'changed',
      correctedByName: 'Sam Okafor',
      reason: 'Typed in error at referral',
      correctedAt: now.toISOString(),
    });
    expect(history[0]!.changes).toEqual([
      { field: 'date_of_birth', before: '2012-04-01', after: '2009-04-01' },
      { field: 'gender', before: 'male', after: 'female' },
    ]);

    const after = await t.call('reports.quarterly', { period: quarter });
    expect(after.byGender.male).toBe(0);
    expect(after.byGender.female).toBe(1);
    expect(after.byAgeBand['11-15']).toBe(0);
    expect(after.byAgeBand['16-17']).toBe(1);
  });

  it('notes each correction in the audit trail once, by field name, never by value', async () => {
    const { entries } = await t.call('audit.list', { caseId, limit: 50 });
    // One entry for the call: the correction, with who made it; no second "changed" entry beside it.
    const fromUpdate = entries.filter((e) => e.method === 'caseload.people.update');
    expect(fromUpdate.map((e) => e.action)).toEqual(['corrected']);
    expect(fromUpdate[0]).toMatchObject({ person: 'Sam Okafor' });
    expect(fromUpdate[0]!.description).toBe(
      "Corrected the young person's details: date of birth and gender; reason given",
    );
    expect(JSON.stringify(entries)).not.toMatch(/female|2009-04-01|Typed in error/);
  });

  it('sends the correction to the service like any other record, so other laptops show it', () => {
    const rows = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'correction' ORDER BY field")
      .pluck()
      .all();
    expect(rows).toEqual(
      expect.arrayContaining(['changes', 'corrected_by', 'corrected_by_name', 'reason', 'record_id']),
    );
  });

  it('keeps nothing when nothing changed, and never leaves a person without a name', async () => {
    await t.call('caseload.people.update', { personId, caseId, fields: { gender: 'female' } });
    expect(await t.call('caseload.case.history', { caseId })).toHaveLength(1);
    await expect(
      t.call('caseload.people.update', {
        personId,
        caseId,
        fields: { firstName: '', preferredName: '', lastName: '' },
      }),
    ).rejects.toThrow(/Keep a name/);
    expect((await t.call('caseload.case.get', { caseId }))!.person!.firstName).toBe('Amira');
  });

  it('corrects the legal name, pronouns, status, council and area, and an issue’s wording', async () => {
    await t.call('caseload.people.update', {
      personId,
      caseId,
      fields: {
        firstName: 'Amirah',
        pronouns: 'she/her',
        statusTags: ['CIC', 'SEND'],
        localAuthority: 'Blackpool',
        placementInArea: false,
      },
    });
    const issue = (await t.call('caseload.case.get', { caseId }))!.issues[0]!;
    await t.call('caseload.issues.update', {
      issueId: issue.id,
      fields: { code: 'PLACEMENT', description: 'Wants to stay with her foster carer' },
      reason: 'Misheard on the phone',
    });
    const [issueChange, nameChange] = await t.call('caseload.case.history', { caseId });
    expect(issueChange).toMatchObject({ entity: 'referral_issue', reason: 'Misheard on the phone' });
    expect(issueChange!.changes).toEqual([
      { field: 'code', before: 'CONTACT', after: 'PLACEMENT' },
      { field: 'description', before: 'Wants to see her brother', after: 'Wants to stay with her foster carer' },
    ]);
    expect(nameChange!.changes).toEqual([
      { field: 'first_name', before: 'Amira', after: 'Amirah' },
      { field: 'pronouns', before: null, after: 'she/her' },
      { field: 'status_tags', before: [], after: ['CIC', 'SEND'] },
      // Councils are kept by ONS code: Lancashire to Blackpool.
      { field: 'local_authority', before: 'E10000017', after: 'E06000009' },
      { field: 'placement_in_area', before: 1, after: 0 },
    ]);
  });

  it('edits and deletes actions, edits and deletes meetings, removes issues: each kept in the history', async () => {
    const action = await t.call('fieldwork.actions.save', {
      caseId,
      action: { owner: 'advocate', description: 'Ring the IRO', dueOn: '2026-12-10' },
    });
    await t.call('fieldwork.actions.save', {
      caseId,
      id: action.id,
      action: { owner: 'advocate', description: 'Ring the IRO about contact', dueOn: '2026-12-12' },
      reason: 'Wrong day',
    });
    await t.call('fieldwork.actions.remove', { id: action.id, reason: 'Done by the social worker' });
    expect(await t.call('fieldwork.actions.list', { caseId })).toEqual([]);

    const meeting = await t.call('meetings.save', { caseId, type: 'cic_review', date: '2026-12-20', invitees: [] });
    await t.call('meetings.save', {
      id: meeting.id,
      caseId,
      type: 'cic_review',
      date: '2026-12-21',
      time: '14:00',
      invitees: [],
    });
    await t.call('meetings.remove', { id: meeting.id });

    const issue = await t.call('caseload.issues.add', {
      caseId,
      issue: { code: 'EDUCATION', description: 'School transport' },
    });
    await t.call('caseload.issues.remove', { issueId: issue.id, reason: 'Added to the wrong case' });

    const history = await t.call('caseload.case.history', { caseId });
    const summary = history.slice(0, 5).map((h) => [h.entity, h.kind, h.changes.map((c) => c.field).join(',')]);
    expect(summary).toEqual([
      ['referral_issue', 'removed', 'code,description,status'],
      ['meeting', 'removed', 'meeting_type,meeting_date,start_time,invitees'],
      ['meeting', 'changed', 'meeting_date,start_time'],
      ['case_action', 'removed', 'owner,description,due_on'],
      ['case_action', 'changed', 'description,due_on'],
    ]);
    expect(history[3]!.changes.find((c) => c.field === 'description')).toEqual({
      field: 'description',
      before: 'Ring the IRO about contact',
      after: null,
    });
    expect(history[3]!.reason).toBe('Done by the social worker');
  });

  it('a correction made on another of the young person’s cases shows in this case’s history too', async () => {
    const second = await t.call('caseload.referrals.create', {
      personId,
      referral: { referralDate: '2026-11-20', serviceUserType: 'CIC' },
      issues: [{ code: 'EDUCATION' }],
    });
    await t.call('caseload.people.update', { personId, caseId: second.caseId, fields: { preferredName: 'Mira' } });
    const history = await t.call('caseload.case.history', { caseId });
    expect(history[0]).toMatchObject({
      entity: 'person',
      caseId: second.caseId,
      changes: [{ field: 'preferred_name', before: null, after: 'Mira' }],
    });
  });

  it('a correction without a reason, and a removal, are one entry each too', async () => {
    const lastSeq = (await t.call('audit.list', { limit: 1 })).entries[0]!.seq;
    const action = await t.call('fieldwork.actions.save', {
      caseId,
      action: { owner: 'advocate', description: 'Book the visit', dueOn: '2026-12-10' },
    });
    await t.call('fieldwork.actions.save', {
      caseId,
      id: action.id,
      action: { owner: 'advocate', description: 'Book the visit', dueOn: '2026-12-11' },
    });
    await t.call('fieldwork.actions.remove', { id: action.id, reason: 'Done already' });
    const added = (await t.call('audit.list', { limit: 50 })).entries.filter((e) => e.seq > lastSeq).reverse();
    expect(added.map((e) => [e.action, e.method])).toEqual([
      ['edited', 'fieldwork.actions.save'],
      ['corrected', 'fieldwork.actions.save'],
      ['corrected', 'fieldwork.actions.remove'],
    ]);
    expect(added[1]!.description).toBe('Corrected an action: due on');
    expect(added[2]!.description).toBe('Corrected an action: deleted a case action; reason given');
  });
});
