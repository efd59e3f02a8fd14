import { formatUkDate } from '../../../../shared/domain/dates';
import type { Deadline } from '../../../../shared/domain/complaint-deadlines';

/** "due 16/03/2026 (3 working days left)", "overdue since 16/03/2026", "met 12/03/2026". */
export function deadlineText(d: Deadline): string {
  if (d.status === 'waiting' || !d.due) return 'not started yet';
  if (d.status === 'met') return `met on ${formatUkDate(d.doneOn ?? '')} (due ${formatUkDate(d.due)})`;
  if (d.status === 'met_late') return `late: arrived ${formatUkDate(d.doneOn ?? '')}, due ${formatUkDate(d.due)}`;
  if (d.status === 'overdue') {
    const late = -(d.workingDaysLeft ?? 0);
    return `overdue: was due ${formatUkDate(d.due)} (${late} working day${late === 1 ? '' : 's'} late)`;
  }
  const left = d.workingDaysLeft ?? 0;
  return `due ${formatUkDate(d.due)} (${left === 0 ? 'today' : `${left} working day${left === 1 ? '' : 's'} left`})`;
}

export const statusColour: Record<Deadline['status'], string> = {
  met: 'teal',
  met_late: 'orange',
  pending: 'blue',
  overdue: 'red',
  waiting: 'gray',
};
