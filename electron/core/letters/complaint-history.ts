import { outcomeLabels, responseDue, stageLabels, type Deadline } from '../../../shared/domain/complaint-deadlines';
import { formatUkDate } from '../../../shared/domain/dates';
import { workingDaysBetween } from '../../../shared/domain/working-days';
import { sendMethodLabels, type Complaint } from '../../../shared/ipc/letters';

/*
 * A complaint's dates in the words a letter uses: when the response was due, how late it is, and
 * the history an escalation letter carries (what was asked, when, and what came back).
 */

/** The deadline the council is answering at this stage (Stage 3: the panel meeting). */
export function mainDeadline(c: Complaint): Deadline | null {
  return c.deadlines[0] ?? null;
}

/** Working days late, counted to today while no response has come; null when not late. */
export function workingDaysLate(c: Complaint, today: string): number | null {
  const d = mainDeadline(c);
  if (!d?.due) return null;
  if (d.status === 'overdue') return workingDaysBetween(d.due, today);
  if (d.status === 'met_late' && d.doneOn) return workingDaysBetween(d.due, d.doneOn);
  return null;
}

const days = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;

/** The date first due (10 or 25 working days), whether or not the council extended it. */
export function originalDue(c: Complaint): string | null {
  return c.stage === 'stage3'
    ? (mainDeadline(c)?.due ?? null)
    : responseDue({ stage: c.stage, received: c.receivedOn, extendedTo: null });
}

/** "No response has been received; it is now 8 working days late." and the like. */
export function responseStatus(c: Complaint, today: string): string {
  const late = workingDaysLate(c, today);
  if (c.responseReceivedOn) {
    const when = `The response dated ${formatUkDate(c.responseReceivedOn)} arrived ${late ? `${days(late)} late` : 'in time'}`;
    return c.outcome ? `${when}; the complaint was ${outcomeLabels[c.outcome].toLowerCase()}.` : `${when}.`;
  }
  return late ? `No response has been received; it is now ${days(late)} late.` : 'No response has been received yet.';
}

function stageLine(c: Complaint, today: string): string {
  const parts: string[] = [];
  const about = c.summary ? `, about ${c.summary.replace(/[.\s]+$/, '')}` : '';
  const sent = c.letters.filter((l) => l.sentOn);
  const letters = sent.map(
    (l) =>
      `${formatUkDate(l.sentOn as string)}${l.sentMethod ? ` (${sendMethodLabels[l.sentMethod].toLowerCase()})` : ''}`,
  );
  parts.push(
    `${stageLabels[c.stage]}: ${letters.length ? `our letter of ${letters.join(' and ')}` : 'the complaint'}${about}, received by the council on ${formatUkDate(c.receivedOn)}${c.councilReference ? ` (reference ${c.councilReference})` : ''}.`,
  );
  const first = originalDue(c);
  const current = mainDeadline(c)?.due ?? null;
  if (c.extendedTo && current && first !== current)
    parts.push(
      `A response was due by ${formatUkDate(first as string)}; the council extended this to ${c.extendedTo} working days, to ${formatUkDate(current)}${c.extensionReason ? `, because ${c.extensionReason.replace(/[.\s]+$/, '')}` : ''}.`,
    );
  else if (current) parts.push(`A response was due by ${formatUkDate(current)}.`);
  parts.push(responseStatus(c, today));
  return parts.join(' ');
}

/** One line per stage, oldest first: what was asked, when, and what came back. */
export function complaintHistory(chain: Complaint[], today: string): string[] {
  return chain.map((c) => stageLine(c, today));
}
