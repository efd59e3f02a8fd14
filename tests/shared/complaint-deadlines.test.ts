import { describe, expect, it } from 'vitest';
import { complaintTimeline, extensionProblem, responseDue } from '../../shared/domain/complaint-deadlines';

describe('response due dates', () => {
  it('gives Stage 1 ten working days, or twenty with an extension', () => {
    expect(responseDue({ stage: 'stage1', received: '2026-12-17' })).toBe('2027-01-05');
    expect(responseDue({ stage: 'stage1', received: '2026-03-02', extendedTo: 20 })).toBe('2026-03-30');
  });

  it('gives Stage 2 twenty-five working days, extendable up to sixty-five', () => {
    expect(responseDue({ stage: 'stage2', received: '2026-03-16' })).toBe('2026-04-22');
    expect(responseDue({ stage: 'stage2', received: '2026-03-16', extendedTo: 65 })).toBe('2026-06-19');
  });

  it('refuses extensions the regulations do not allow', () => {
    expect(extensionProblem('stage1', 25)).toMatch(/at most 20/);
    expect(extensionProblem('stage2', 70)).toMatch(/at most 65/);
    expect(extensionProblem('stage3', 40)).toMatch(/cannot be extended/);
    expect(extensionProblem('stage2', 40)).toBeNull();
  });
});

describe('complaint timeline', () => {
  it('says nothing is late before the due date, with working days left', () => {
    const t = complaintTimeline({ stage: 'stage1', received: '2026-03-02' }, '2026-03-12');
    expect(t.overdue).toBe(false);
    expect(t.nextDue).toBe('2026-03-16');
    expect(t.deadlines[0]?.workingDaysLeft).toBe(2);
    expect(t.nextStep.kind).toBe('wait');
  });

  it('the due date itself is not overdue; the next day is', () => {
    expect(complaintTimeline({ stage: 'stage1', received: '2026-03-02' }, '2026-03-16').overdue).toBe(false);
    const late = complaintTimeline({ stage: 'stage1', received: '2026-03-02' }, '2026-03-17');
    expect(late.overdue).toBe(true);
    expect(late.nextStep).toMatchObject({ kind: 'stage2', templateId: 'stage2-request' });
  });

  it('a late response is recorded as met late and no longer overdue', () => {
    const t = complaintTimeline(
      { stage: 'stage1', received: '2026-03-02', responseReceived: '2026-03-20' },
      '2026-03-25',
    );
    expect(t.deadlines[0]?.status).toBe('met_late');
    expect(t.overdue).toBe(false);
  });

  it('sends a late Stage 2 to Help at Hand', () => {
    const t = complaintTimeline({ stage: 'stage2', received: '2026-03-16' }, '2026-04-23');
    expect(t.nextStep).toMatchObject({ kind: 'help_at_hand', templateId: 'help-at-hand' });
  });

  it('asks for a review panel when the young person is unhappy with Stage 2', () => {
    const t = complaintTimeline(
      { stage: 'stage2', received: '2026-03-16', responseReceived: '2026-04-20', outcome: 'not_resolved' },
      '2026-04-23',
    );
    expect(t.nextStep).toMatchObject({ kind: 'stage3', templateId: 'stage3-panel-request' });
  });

  it('tracks the three Stage 3 timescales in turn and goes to the Ombudsman when one is missed', () => {
    const requested = { stage: 'stage3' as const, received: '2026-06-01' };
    const first = complaintTimeline(requested, '2026-06-02');
    expect(first.deadlines.map((d) => d.status)).toEqual(['pending', 'waiting', 'waiting']);
    expect(first.nextDue).toBe('2026-07-13');

    const panelHeld = complaintTimeline({ ...requested, panelHeld: '2026-07-10' }, '2026-07-20');
    expect(panelHeld.deadlines[1]).toMatchObject({ due: '2026-07-17', status: 'overdue' });
    expect(panelHeld.nextStep).toMatchObject({ kind: 'ombudsman', templateId: 'lgsco-complaint' });

    const reported = complaintTimeline(
      { ...requested, panelHeld: '2026-07-10', panelReportReceived: '2026-07-15' },
      '2026-07-20',
    );
    expect(reported.deadlines[2]).toMatchObject({ due: '2026-08-05', status: 'pending' });
    expect(reported.overdue).toBe(false);
  });

  it('offers the closing letter once resolved and nothing once withdrawn', () => {
    expect(
      complaintTimeline({ stage: 'stage1', received: '2026-03-02', outcome: 'resolved' }, '2026-05-01').nextStep
        .templateId,
    ).toBe('closing-letter');
    const withdrawn = complaintTimeline(
      { stage: 'stage1', received: '2026-03-02', outcome: 'withdrawn' },
      '2026-05-01',
    );
    expect(withdrawn.overdue).toBe(false);
    expect(withdrawn.nextStep.kind).toBe('none');
  });
});
