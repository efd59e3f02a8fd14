import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/domain/ids';
import { nextMeetingByCase } from '../../../electron/core/meetings/meetings-service';
import { nextEvents } from '../../../electron/core/caseload/next-events';
import { createTestCore, type TestCore } from '../../helpers/test-core';

let t: TestCore;
const now = new Date('2026-05-04T09:00:00Z');

/** A case as the caseload would store it, written straight through the Writer. */
function addCase(name: string, reference: string): { caseId: string; issueId: string } {
  const caseId = uuidv7();
  const personId = uuidv7();
  const issueId = uuidv7();
  t.core.context.write((w) => {
    w.upsert('person', personId, caseId, { first_name: name, last_name: 'Test', kind: 'young_person' });
    w.upsert('referral', caseId, caseId, { reference, person_id: personId, status: 'open' });
    w.upsert('referral_issue', issueId, caseId, {
      referral_id: caseId,
      code: 'PLACEMENT',
      description: 'Wants to stay',
      status: 'open',
      created_at: now.toISOString(),
    });
  });
  return { caseId, issueId };
}

beforeAll(async () => {
  t = await createTestCore({ now: () => now });
});
afterAll(() => t.dispose());

describe('meetings', () => {
  it('saves a meeting with its details and lists it in the calendar range, the upcoming list and the case', async () => {
    const { caseId } = addCase('Amara', 'M-001');
    const m = await t.call('meetings.save', {
      caseId,
      type: 'cic_review',
      date: '2026-05-06',
      time: '14:30',
      place: 'Carlton House, room 2',
      chair: 'IRO',
      invitees: ['Social worker', 'Foster carer'],
    });
    expect(m).toMatchObject({
      type: 'cic_review',
      date: '2026-05-06',
      time: '14:30',
      invitees: ['Social worker', 'Foster carer'],
      caseLabel: { name: 'Amara Test', reference: 'M-001' },
    });
    expect((await t.call('meetings.list', { from: '2026-05-01', to: '2026-05-31' })).map((x) => x.id)).toContain(m.id);
    expect((await t.call('meetings.list', { from: '2026-06-01', to: '2026-06-30' })).map((x) => x.id)).not.toContain(
      m.id,
    );
    expect((await t.call('meetings.upcoming', { days: 3 })).map((x) => x.id)).toContain(m.id);
    expect((await t.call('meetings.upcoming', { days: 1 })).map((x) => x.id)).not.toContain(m.id);
    expect((await t.call('meetings.forCase', { caseId })).map((x) => x.id)).toEqual([m.id]);
  });

  it('refuses a meeting for a case that does not exist and a time that is not hh:mm', async () => {
    await expect(t.call('meetings.save', { caseId: 'nope', type: 'pep', date: '2026-05-06' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const { caseId } = addCase('Bo', 'M-002');
    await expect(
      t.call('meetings.save', { caseId, type: 'pep', date: '2026-05-06', time: '2pm' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('records every meeting write in the outbox for sync', async () => {
    const { caseId } = addCase('Cy', 'M-003');
    const m = await t.call('meetings.save', { caseId, type: 'core_group', date: '2026-05-10' });
    const fields = t.core.context
      .db()
      .prepare("SELECT field FROM outbox WHERE entity = 'meeting' AND entity_id = ?")
      .pluck()
      .all(m.id);
    expect(fields).toEqual(expect.arrayContaining(['case_id', 'meeting_type', 'meeting_date']));
  });

  it('gives each case its next meeting from today, ignoring past and deleted ones', async () => {
    const { caseId } = addCase('Dee', 'M-004');
    await t.call('meetings.save', { caseId, type: 'strategy_meeting', date: '2026-05-01' });
    const later = await t.call('meetings.save', { caseId, type: 'pep', date: '2026-05-20' });
    const sooner = await t.call('meetings.save', { caseId, type: 'cin_review', date: '2026-05-08', time: '10:00' });
    expect(nextMeetingByCase(t.core.context.db(), now).get(caseId)?.meetingId).toBe(sooner.id);
    await t.call('meetings.remove', { id: sooner.id });
    const viaIpc = await t.call('meetings.nextByCase', {});
    expect(viaIpc.find((n) => n.caseId === caseId)).toMatchObject({
      meetingId: later.id,
      type: 'pep',
      date: '2026-05-20',
    });
    // The caseload list's "next" column gets it through the caseload's provider registry.
    expect(nextEvents(t.core.context.db(), [caseId], '2026-05-04').get(caseId)).toEqual({
      date: '2026-05-20',
      label: 'Personal education plan (PEP) meeting',
    });
  });

  it('keeps a debrief per meeting and turns it into outcome measures', async () => {
    const { caseId, issueId } = addCase('Eli', 'M-005');
    const m = await t.call('meetings.save', { caseId, type: 'cp_review_conference', date: '2026-05-02' });
    const d = await t.call('meetings.saveDebrief', {
      meetingId: m.id,
      attended: 'no',
      viewsPresented: 'advocate',
      decisions: 'Plan continues; contact to increase.',
      wishesReflected: 'partly',
      actions: [{ text: 'Social worker to arrange contact', who: 'Social worker', due: '2026-05-15' }],
      issuesMoved: [{ issueId, note: 'Contact agreed' }],
      debriefedOn: '2026-05-03',
    });
    expect(d.outcome).toEqual({ tookPart: true, viewsHeard: true, outcomeAchieved: 'partly' });
    await t.call('meetings.saveDebrief', {
      meetingId: m.id,
      attended: 'whole',
      viewsPresented: 'young_person',
      wishesReflected: 'yes',
    });
    const detail = await t.call('meetings.get', { id: m.id });
    expect(detail.debrief).toMatchObject({ attended: 'whole', wishesReflected: 'yes', actions: [] });
    expect(detail.meeting.debriefed).toBe(true);
    expect(detail.issues.map((i) => i.id)).toEqual([issueId]);
    expect(await t.call('meetings.outcomes', { caseId })).toMatchObject({
      meetings: 1,
      tookPart: 1,
      viewsHeard: 1,
      outcome: { yes: 1 },
    });
    expect((await t.call('meetings.outcomes', { caseId, from: '2026-05-03' })).meetings).toBe(0);
    expect(
      (await t.call('meetings.outcomes', { from: '2026-04-01', to: '2026-06-30' })).meetings,
    ).toBeGreaterThanOrEqual(1);
    await t.call('meetings.remove', { id: m.id });
    expect((await t.call('meetings.outcomes', { caseId })).meetings).toBe(0);
  });

  it('refuses a debrief naming an issue from another case', async () => {
    const a = addCase('Fay', 'M-006');
    const b = addCase('Gus', 'M-007');
    const m = await t.call('meetings.save', {
      caseId: a.caseId,
      type: 'other',
      typeOther: 'Network meeting',
      date: '2026-05-02',
    });
    await expect(
      t.call('meetings.saveDebrief', {
        meetingId: m.id,
        attended: null,
        viewsPresented: null,
        wishesReflected: null,
        issuesMoved: [{ issueId: b.issueId }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
