import { issueCodes, issueOutcomes, type IssueCode, type IssueOutcome } from '../domain/codes';
import {
  complaintStages,
  complaintTimeline,
  type ComplaintOutcome,
  type ComplaintStage,
} from '../domain/complaint-deadlines';
import { systemicAreas, type SystemicArea } from '../domain/equality';
import type { ContactType } from '../domain/fieldwork';
import { meetingTypes, type MeetingType } from '../domain/meetings';
import { meetingOutcome, type DebriefAnswers, type OutcomeAchieved } from '../domain/meetings-outcomes';
import { inPeriod, type Period } from './period';
import { percent } from './rounding';

/*
 * The work behind the referrals: issue outcomes, complaints, safeguarding, visits, meetings and
 * systemic issues, each a plain record keyed by its case's reference (never a name), so the same
 * figures come out on an advocate's desktop and over the whole organisation's synced records.
 */

/** Told about each case a figure counts, so a manager can see the cases behind a number. */
export type Note = (figure: string, code: string, reference: string) => void;

export interface ReportIssue {
  reference: string;
  code: IssueCode;
  outcome: IssueOutcome | null;
  /** The day the issue was resolved (or its case closed); null while it is open. */
  closed_on: string | null;
}

export interface ReportComplaint {
  reference: string;
  stage: ComplaintStage;
  received_on: string;
  extended_to: number | null;
  response_received_on: string | null;
  outcome: ComplaintOutcome | null;
  panel_held_on: string | null;
  panel_report_on: string | null;
  /** This stage continues an earlier one (so it is not a new complaint). */
  escalated: boolean;
}

export const escalationRoutes = ['help_at_hand', 'ombudsman'] as const;
export type EscalationRoute = (typeof escalationRoutes)[number];
/** A letter sent to Help at Hand or the Ombudsman. */
export interface ReportEscalation {
  reference: string;
  route: EscalationRoute;
  sent_on: string;
}

export interface ReportSafeguarding {
  reference: string;
  /** When the young person disclosed (date, or date and time). */
  disclosed_at: string;
  /** Someone was told without the young person's consent: confidentiality was broken. */
  shared: boolean;
}

export interface ReportContact {
  reference: string;
  type: ContactType;
  occurred_at: string;
  duration_minutes: number | null;
  travel_minutes: number | null;
  miles: number | null;
  /** The young person is placed outside their council's area. */
  out_of_area: boolean;
}

export interface ReportMeeting {
  reference: string;
  type: MeetingType;
  date: string;
  debrief: DebriefAnswers | null;
}

export interface ReportSystemicIssue {
  reference: string;
  area: SystemicArea;
  issue: string;
  raised_on: string;
}

export interface ReportActivity {
  issues: readonly ReportIssue[];
  complaints: readonly ReportComplaint[];
  escalations: readonly ReportEscalation[];
  safeguarding: readonly ReportSafeguarding[];
  contacts: readonly ReportContact[];
  meetings: readonly ReportMeeting[];
  systemicIssues: readonly ReportSystemicIssue[];
}

export const noActivity: ReportActivity = {
  issues: [],
  complaints: [],
  escalations: [],
  safeguarding: [],
  contacts: [],
  meetings: [],
  systemicIssues: [],
};

export type ReportIssueOutcome = IssueOutcome | 'not_recorded';
export const reportIssueOutcomes: readonly ReportIssueOutcome[] = [...issueOutcomes, 'not_recorded'];

export interface ActivityFigures {
  /** Issues resolved in the period, by theme and outcome. */
  issueOutcomes: Record<IssueCode, Record<ReportIssueOutcome, number>>;
  complaints: {
    /** Complaints started in the period (a stage that does not continue an earlier one). */
    made: number;
    /** Every stage received in the period, new or escalated. */
    byStage: Record<ComplaintStage, number>;
    /** Council responses received in the period, by whether every timescale of the stage was met. */
    respondedOnTime: number;
    respondedLate: number;
    escalated: Record<EscalationRoute, number>;
  };
  safeguarding: { records: number; confidentialityBroken: number };
  contacts: {
    visits: number;
    otherContacts: number;
    hours: number;
    travelHours: number;
    miles: number;
    outOfAreaVisits: number;
  };
  meetings: {
    supported: number;
    byType: Record<MeetingType, number>;
    /** The participation measures, over the supported meetings that have a debrief. */
    debriefed: number;
    tookPart: number;
    viewsHeard: number;
    outcome: Record<OutcomeAchieved, number>;
    percent: { tookPart: number | null; viewsHeard: number | null; outcomeAchieved: number | null };
  };
  systemicIssues: Record<SystemicArea, { cases: number; issues: Array<{ issue: string; cases: number }> }>;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
/** One decimal place, as the report's percentages. */
const tenths = (n: number): number => Math.round(n * 10) / 10;

export function activityFigures(a: ReportActivity, period: Period, note?: Note): ActivityFigures {
  return {
    issueOutcomes: issueOutcomeFigures(a.issues, period, note),
    complaints: complaintFigures(a.complaints, a.escalations, period, note),
    safeguarding: safeguardingFigures(a.safeguarding, period, note),
    contacts: contactFigures(a.contacts, period, note),
    meetings: meetingFigures(a.meetings, period, note),
    systemicIssues: systemicFigures(a.systemicIssues, period, note),
  };
}

function issueOutcomeFigures(
  issues: readonly ReportIssue[],
  period: Period,
  note?: Note,
): ActivityFigures['issueOutcomes'] {
  const out = Object.fromEntries(
    issueCodes.map((c) => [c, zeroes(reportIssueOutcomes)]),
  ) as ActivityFigures['issueOutcomes'];
  for (const i of issues) {
    if (!inPeriod(i.closed_on, period)) continue;
    const code: IssueCode = has(out, i.code) ? i.code : 'OTHER';
    const outcome: ReportIssueOutcome = i.outcome && has(out[code], i.outcome) ? i.outcome : 'not_recorded';
    out[code][outcome] += 1;
    note?.('issueOutcomes', `${code}:${outcome}`, i.reference);
  }
  return out;
}

function complaintFigures(
  complaints: readonly ReportComplaint[],
  escalations: readonly ReportEscalation[],
  period: Period,
  note?: Note,
): ActivityFigures['complaints'] {
  const out = {
    made: 0,
    byStage: zeroes(complaintStages),
    respondedOnTime: 0,
    respondedLate: 0,
    escalated: zeroes(escalationRoutes),
  };
  for (const c of complaints) {
    if (inPeriod(c.received_on, period) && has(out.byStage, c.stage)) {
      out.byStage[c.stage] += 1;
      note?.('complaints', c.stage, c.reference);
      if (!c.escalated) {
        out.made += 1;
        note?.('complaints', 'made', c.reference);
      }
    }
    if (c.response_received_on && inPeriod(c.response_received_on, period) && has(out.byStage, c.stage)) {
      // Judged as on the day the response came: a timescale missed by then (met late, or still
      // open and past due) makes the whole stage late.
      const timeline = complaintTimeline(
        {
          stage: c.stage,
          received: c.received_on,
          extendedTo: c.extended_to,
          responseReceived: c.response_received_on,
          panelHeld: c.panel_held_on,
          panelReportReceived: c.panel_report_on,
        },
        c.response_received_on.slice(0, 10),
      );
      const late = timeline.deadlines.some((d) => d.status === 'met_late' || d.status === 'overdue');
      if (late) out.respondedLate += 1;
      else out.respondedOnTime += 1;
      note?.('complaints', late ? 'respondedLate' : 'respondedOnTime', c.reference);
    }
  }
  for (const e of escalations) {
    if (!inPeriod(e.sent_on, period) || !has(out.escalated, e.route)) continue;
    out.escalated[e.route] += 1;
    note?.('complaints', e.route, e.reference);
  }
  return out;
}

function safeguardingFigures(
  records: readonly ReportSafeguarding[],
  period: Period,
  note?: Note,
): ActivityFigures['safeguarding'] {
  const out = { records: 0, confidentialityBroken: 0 };
  for (const s of records) {
    if (!inPeriod(s.disclosed_at, period)) continue;
    out.records += 1;
    note?.('safeguarding', 'records', s.reference);
    if (s.shared) {
      out.confidentialityBroken += 1;
      note?.('safeguarding', 'confidentialityBroken', s.reference);
    }
  }
  return out;
}

function contactFigures(contacts: readonly ReportContact[], period: Period, note?: Note): ActivityFigures['contacts'] {
  let visits = 0;
  let other = 0;
  let minutes = 0;
  let travel = 0;
  let miles = 0;
  let outOfArea = 0;
  for (const c of contacts) {
    if (!inPeriod(c.occurred_at, period)) continue;
    if (c.type === 'visit') {
      visits += 1;
      note?.('contacts', 'visits', c.reference);
      if (c.out_of_area) {
        outOfArea += 1;
        note?.('contacts', 'outOfAreaVisits', c.reference);
      }
    } else {
      other += 1;
      note?.('contacts', 'otherContacts', c.reference);
    }
    if (c.duration_minutes && c.duration_minutes > 0) {
      minutes += c.duration_minutes;
      note?.('contacts', 'hours', c.reference);
    }
    if (c.travel_minutes && c.travel_minutes > 0) {
      travel += c.travel_minutes;
      note?.('contacts', 'travelHours', c.reference);
    }
    if (c.miles && c.miles > 0) {
      miles += c.miles;
      note?.('contacts', 'miles', c.reference);
    }
  }
  return {
    visits,
    otherContacts: other,
    hours: tenths(minutes / 60),
    travelHours: tenths(travel / 60),
    miles: tenths(miles),
    outOfAreaVisits: outOfArea,
  };
}

function meetingFigures(meetings: readonly ReportMeeting[], period: Period, note?: Note): ActivityFigures['meetings'] {
  const byType = zeroes(meetingTypes);
  const outcome: Record<OutcomeAchieved, number> = { yes: 0, partly: 0, no: 0, unknown: 0 };
  let supported = 0;
  let debriefed = 0;
  let tookPart = 0;
  let viewsHeard = 0;
  for (const m of meetings) {
    if (!inPeriod(m.date, period)) continue;
    supported += 1;
    note?.('meetings', 'supported', m.reference);
    const type: MeetingType = has(byType, m.type) ? m.type : 'other';
    byType[type] += 1;
    note?.('meetingsByType', type, m.reference);
    if (!m.debrief) continue;
    debriefed += 1;
    note?.('meetings', 'debriefed', m.reference);
    const o = meetingOutcome(m.debrief);
    if (o.tookPart) {
      tookPart += 1;
      note?.('meetings', 'tookPart', m.reference);
    }
    if (o.viewsHeard) {
      viewsHeard += 1;
      note?.('meetings', 'viewsHeard', m.reference);
    }
    outcome[o.outcomeAchieved] += 1;
    note?.('meetingOutcomes', o.outcomeAchieved, m.reference);
  }
  return {
    supported,
    byType,
    debriefed,
    tookPart,
    viewsHeard,
    outcome,
    percent: {
      tookPart: percent(tookPart, debriefed),
      viewsHeard: percent(viewsHeard, debriefed),
      outcomeAchieved: percent(outcome.yes, debriefed),
    },
  };
}

/** Wordings of one issue typed by different advocates group together: case, spaces and a final full stop do not matter. */
export const systemicKey = (issue: string): string =>
  issue
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .toLowerCase();

function systemicFigures(
  entries: readonly ReportSystemicIssue[],
  period: Period,
  note?: Note,
): ActivityFigures['systemicIssues'] {
  const areas = new Map<
    SystemicArea,
    { cases: Set<string>; issues: Map<string, { issue: string; cases: Set<string> }> }
  >(systemicAreas.map((a) => [a, { cases: new Set(), issues: new Map() }]));
  for (const e of entries) {
    const area = areas.get(e.area);
    const key = systemicKey(e.issue);
    if (!area || !key || !inPeriod(e.raised_on, period)) continue;
    area.cases.add(e.reference);
    let group = area.issues.get(key);
    if (!group) area.issues.set(key, (group = { issue: e.issue.trim().replace(/\s+/g, ' '), cases: new Set() }));
    group.cases.add(e.reference);
    note?.('systemicIssues', e.area, e.reference);
    note?.('systemicIssues', `${e.area}:${key}`, e.reference);
  }
  return Object.fromEntries(
    [...areas].map(([a, v]) => [
      a,
      {
        cases: v.cases.size,
        issues: [...v.issues.values()]
          .map((g) => ({ issue: g.issue, cases: g.cases.size }))
          .sort((x, y) => y.cases - x.cases || x.issue.localeCompare(y.issue, 'en-GB')),
      },
    ]),
  ) as ActivityFigures['systemicIssues'];
}
