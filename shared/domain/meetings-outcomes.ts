import type { Attendance, ViewsPresented, WishesReflected } from './meetings';

/**
 * The outcome measures a debrief feeds (the council guidance measures advocacy by whether the
 * young person took part, whether their views were heard, and whether their stated outcome was
 * achieved). Pure, so the case page, the quarterly report and sync all count the same way.
 */
export interface DebriefAnswers {
  attended: Attendance | null;
  viewsPresented: ViewsPresented | null;
  wishesReflected: WishesReflected | null;
}

export type OutcomeAchieved = 'yes' | 'partly' | 'no' | 'unknown';

export interface MeetingOutcome {
  /** They were there for some or all of it, or their views reached it another way. */
  tookPart: boolean;
  /** Their views were put to the meeting, by them, the advocate or in writing. */
  viewsHeard: boolean;
  /** Whether the decision reflected what they wanted. */
  outcomeAchieved: OutcomeAchieved;
}

export function meetingOutcome(d: DebriefAnswers): MeetingOutcome {
  const viewsHeard = d.viewsPresented !== null && d.viewsPresented !== 'not_presented';
  const attended = d.attended === 'whole' || d.attended === 'part';
  return { tookPart: attended || viewsHeard, viewsHeard, outcomeAchieved: d.wishesReflected ?? 'unknown' };
}

export interface OutcomeMeasures {
  meetings: number;
  tookPart: number;
  viewsHeard: number;
  outcome: Record<OutcomeAchieved, number>;
  /** Whole percentages of `meetings`; 0 when there are none. */
  percent: { tookPart: number; viewsHeard: number; outcomeAchieved: number; outcomePartlyAchieved: number };
}

const pct = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 100));

export function outcomeMeasures(debriefs: readonly DebriefAnswers[]): OutcomeMeasures {
  const outcome: Record<OutcomeAchieved, number> = { yes: 0, partly: 0, no: 0, unknown: 0 };
  let tookPart = 0;
  let viewsHeard = 0;
  for (const d of debriefs) {
    const o = meetingOutcome(d);
    if (o.tookPart) tookPart++;
    if (o.viewsHeard) viewsHeard++;
    outcome[o.outcomeAchieved]++;
  }
  const n = debriefs.length;
  return {
    meetings: n,
    tookPart,
    viewsHeard,
    outcome,
    percent: {
      tookPart: pct(tookPart, n),
      viewsHeard: pct(viewsHeard, n),
      outcomeAchieved: pct(outcome.yes, n),
      outcomePartlyAchieved: pct(outcome.partly, n),
    },
  };
}
