import { formatUkDate } from '../../../../shared/domain/dates';
import { meetingTypeLabels } from '../../../../shared/domain/meetings';
import type { Meeting } from '../../../../shared/ipc/meetings';

export const meetingTitle = (m: Pick<Meeting, 'type' | 'typeOther'>): string =>
  m.type === 'other' && m.typeOther ? m.typeOther : meetingTypeLabels[m.type];

export const meetingWhen = (m: Pick<Meeting, 'date' | 'time'>): string =>
  m.time ? `${formatUkDate(m.date)} at ${m.time}` : formatUkDate(m.date);

export const whoseMeeting = (m: Pick<Meeting, 'caseLabel'>): string =>
  m.caseLabel ? `${m.caseLabel.name} (${m.caseLabel.reference})` : 'Case not on this computer';

export const meetingPath = (id: string): string => `/calendar/meeting/${id}`;
export const statementPath = (id: string): string => `/calendar/statement/${id}`;
export const youngPersonPath = (id: string): string => `/young-person/${id}`;
