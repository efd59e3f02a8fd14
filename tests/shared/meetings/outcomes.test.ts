import { describe, expect, it } from 'vitest';
import { meetingOutcome, outcomeMeasures } from '../../../shared/domain/meetings-outcomes';

describe('meeting outcome measures', () => {
  it('counts a young person who did not attend but whose views were read out as taking part', () => {
    const o = meetingOutcome({ attended: 'no', viewsPresented: 'in_writing', wishesReflected: 'partly' });
    expect(o).toEqual({ tookPart: true, viewsHeard: true, outcomeAchieved: 'partly' });
  });

  it('does not count views as heard when they were not presented, even if the young person was there', () => {
    const o = meetingOutcome({ attended: 'part', viewsPresented: 'not_presented', wishesReflected: null });
    expect(o).toEqual({ tookPart: true, viewsHeard: false, outcomeAchieved: 'unknown' });
  });

  it('counts nobody as taking part when they were absent and unheard', () => {
    expect(meetingOutcome({ attended: 'no', viewsPresented: 'not_presented', wishesReflected: 'no' }).tookPart).toBe(
      false,
    );
  });

  it('totals and gives whole percentages over several meetings', () => {
    const m = outcomeMeasures([
      { attended: 'whole', viewsPresented: 'young_person', wishesReflected: 'yes' },
      { attended: 'no', viewsPresented: 'advocate', wishesReflected: 'partly' },
      { attended: 'no', viewsPresented: 'not_presented', wishesReflected: 'no' },
    ]);
    expect(m.meetings).toBe(3);
    expect(m.tookPart).toBe(2);
    expect(m.viewsHeard).toBe(2);
    expect(m.outcome).toEqual({ yes: 1, partly: 1, no: 1, unknown: 0 });
    expect(m.percent).toEqual({ tookPart: 67, viewsHeard: 67, outcomeAchieved: 33, outcomePartlyAchieved: 33 });
  });

  it('gives zero percentages, not NaN, when nothing is debriefed', () => {
    expect(outcomeMeasures([]).percent.tookPart).toBe(0);
  });
});
