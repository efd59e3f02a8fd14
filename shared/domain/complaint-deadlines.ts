import { addWorkingDays, workingDaysBetween } from './working-days';

/*
 * Statutory timescales for complaints by or for children, under the Children Act 1989
 * Representations Procedure (England) Regulations 2006:
 * - Stage 1 (local resolution): 10 working days, extendable to 20.
 * - Stage 2 (investigation): 25 working days, extendable to 65.
 * - Stage 3 (review panel): panel within 30 working days of the request, its report within 5
 *   working days of the panel, the council's response within 15 working days of the report.
 * Every count starts the working day after the event (the day itself is not counted).
 */

export const complaintStages = ['stage1', 'stage2', 'stage3'] as const;
export type ComplaintStage = (typeof complaintStages)[number];

export const complaintOutcomes = ['resolved', 'partly_resolved', 'not_resolved', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof complaintOutcomes)[number];

export const stageLabels: Record<ComplaintStage, string> = {
  stage1: 'Stage 1 (local resolution)',
  stage2: 'Stage 2 (investigation)',
  stage3: 'Stage 3 (review panel)',
};

export const outcomeLabels: Record<ComplaintOutcome, string> = {
  resolved: 'Resolved',
  partly_resolved: 'Partly resolved',
  not_resolved: 'Not resolved',
  withdrawn: 'Withdrawn',
};

/** Working days the council has for its response: the normal limit and the most an extension allows. */
export const responseLimits = {
  stage1: { normal: 10, extended: 20 },
  stage2: { normal: 25, extended: 65 },
} as const;

export const stage3Limits = { panel: 30, report: 5, councilResponse: 15 } as const;

export interface ComplaintDates {
  stage: ComplaintStage;
  /** When the council received the complaint, or the request for this stage. */
  received: string;
  /** Working days agreed after an extension (Stage 1 up to 20, Stage 2 up to 65); null when none. */
  extendedTo?: number | null;
  /** When the council's response for this stage arrived (Stage 3: the council's final response). */
  responseReceived?: string | null;
  outcome?: ComplaintOutcome | null;
  /** Stage 3 only. */
  panelHeld?: string | null;
  panelReportReceived?: string | null;
}

export type DeadlineKey = 'response' | 'panel' | 'panelReport' | 'councilResponse';
export type DeadlineStatus = 'met' | 'met_late' | 'pending' | 'overdue' | 'waiting';

export interface Deadline {
  key: DeadlineKey;
  label: string;
  /** Null while the event it counts from has not happened yet. */
  due: string | null;
  doneOn: string | null;
  status: DeadlineStatus;
  /** Working days from today to the due date: negative once overdue. Null when not applicable. */
  workingDaysLeft: number | null;
}

export type NextStepKind = 'wait' | 'chase' | 'stage2' | 'stage3' | 'help_at_hand' | 'ombudsman' | 'close' | 'none';

export interface NextStep {
  kind: NextStepKind;
  text: string;
  /** The letter template that takes this step, when one does. */
  templateId: string | null;
}

export interface ComplaintTimeline {
  deadlines: Deadline[];
  overdue: boolean;
  /** The earliest open due date, for sorting and the home panel. */
  nextDue: string | null;
  nextStep: NextStep;
}

/** Checks an extension against the regulations; returns a plain-words problem or null. */
export function extensionProblem(stage: ComplaintStage, extendedTo: number | null | undefined): string | null {
  if (extendedTo === null || extendedTo === undefined) return null;
  if (stage === 'stage3') return 'Stage 3 timescales cannot be extended.';
  const limits = responseLimits[stage];
  if (!Number.isInteger(extendedTo) || extendedTo <= limits.normal || extendedTo > limits.extended) {
    return `An extension at ${stage === 'stage1' ? 'Stage 1' : 'Stage 2'} must be more than ${limits.normal} and at most ${limits.extended} working days.`;
  }
  return null;
}

export function responseDue(c: Pick<ComplaintDates, 'stage' | 'received' | 'extendedTo'>): string {
  if (c.stage === 'stage3') return addWorkingDays(c.received, stage3Limits.panel);
  const limits = responseLimits[c.stage];
  const days = c.extendedTo && extensionProblem(c.stage, c.extendedTo) === null ? c.extendedTo : limits.normal;
  return addWorkingDays(c.received, days);
}

function deadline(key: DeadlineKey, label: string, due: string | null, doneOn: string | null, today: string): Deadline {
  if (due === null) return { key, label, due, doneOn, status: 'waiting', workingDaysLeft: null };
  if (doneOn) return { key, label, due, doneOn, status: doneOn <= due ? 'met' : 'met_late', workingDaysLeft: null };
  const left = workingDaysBetween(today, due);
  return { key, label, due, doneOn, status: today > due ? 'overdue' : 'pending', workingDaysLeft: left };
}

function deadlinesOf(c: ComplaintDates, today: string): Deadline[] {
  const response = c.responseReceived ?? null;
  if (c.stage !== 'stage3') {
    return [deadline('response', "Council's response", responseDue(c), response, today)];
  }
  const panel = c.panelHeld ?? null;
  const report = c.panelReportReceived ?? null;
  return [
    deadline('panel', 'Review panel meets', addWorkingDays(c.received, stage3Limits.panel), panel, today),
    deadline('panelReport', "Panel's report", panel ? addWorkingDays(panel, stage3Limits.report) : null, report, today),
    deadline(
      'councilResponse',
      "Council's response to the report",
      report ? addWorkingDays(report, stage3Limits.councilResponse) : null,
      response,
      today,
    ),
  ];
}

const steps = {
  wait: (due: string | null): NextStep => ({
    kind: 'wait',
    text: due ? 'Wait for the council: nothing is late yet.' : 'Wait for the council.',
    templateId: null,
  }),
  stage2Late: {
    kind: 'stage2',
    text: 'The Stage 1 response is late. Ask for a Stage 2 investigation; the council should not keep the young person waiting.',
    templateId: 'stage2-request',
  },
  stage2Unresolved: {
    kind: 'stage2',
    text: 'The young person is not satisfied with the Stage 1 response. Ask for a Stage 2 investigation.',
    templateId: 'stage2-request',
  },
  stage2LateHelp: {
    kind: 'help_at_hand',
    text: "The Stage 2 investigation is late. Ask the Children's Commissioner's Help at Hand service to step in, and consider asking for a review panel.",
    templateId: 'help-at-hand',
  },
  stage3: {
    kind: 'stage3',
    text: 'The young person is not satisfied with the Stage 2 findings. Ask for a Stage 3 review panel.',
    templateId: 'stage3-panel-request',
  },
  stage3Late: {
    kind: 'ombudsman',
    text: 'The council has missed a Stage 3 timescale. Complain to the Local Government and Social Care Ombudsman.',
    templateId: 'lgsco-complaint',
  },
  ombudsman: {
    kind: 'ombudsman',
    text: 'The complaint procedure is finished and the young person is not satisfied. Complain to the Local Government and Social Care Ombudsman.',
    templateId: 'lgsco-complaint',
  },
  close: {
    kind: 'close',
    text: 'The complaint is resolved. Tell the young person what was achieved.',
    templateId: 'closing-letter',
  },
  chase: {
    kind: 'chase',
    text: 'The response has arrived. Record the outcome with the young person.',
    templateId: null,
  },
  none: { kind: 'none', text: 'Nothing more to do on this complaint.', templateId: null },
} satisfies Record<string, NextStep | ((due: string | null) => NextStep)>;

function nextStepOf(c: ComplaintDates, overdue: boolean, nextDue: string | null): NextStep {
  if (c.outcome === 'withdrawn') return steps.none;
  if (c.outcome === 'resolved') return steps.close;
  const unresolved = c.outcome === 'not_resolved' || c.outcome === 'partly_resolved';
  if (c.stage === 'stage1')
    return overdue
      ? steps.stage2Late
      : unresolved
        ? steps.stage2Unresolved
        : c.responseReceived
          ? steps.chase
          : steps.wait(nextDue);
  if (c.stage === 'stage2')
    return overdue
      ? steps.stage2LateHelp
      : unresolved
        ? steps.stage3
        : c.responseReceived
          ? steps.chase
          : steps.wait(nextDue);
  return overdue
    ? steps.stage3Late
    : unresolved
      ? steps.ombudsman
      : c.responseReceived
        ? steps.chase
        : steps.wait(nextDue);
}

/** Every due date of a complaint's current stage, what is late today, and what the advocate should do next. */
export function complaintTimeline(c: ComplaintDates, today: string): ComplaintTimeline {
  const deadlines = deadlinesOf(c, today);
  const closed = c.outcome !== null && c.outcome !== undefined;
  const overdue = !closed && deadlines.some((d) => d.status === 'overdue');
  const open = deadlines.filter((d) => d.status === 'pending' || d.status === 'overdue').map((d) => d.due as string);
  const nextDue = closed ? null : (open.sort()[0] ?? null);
  return { deadlines, overdue, nextDue, nextStep: nextStepOf(c, overdue, nextDue) };
}
