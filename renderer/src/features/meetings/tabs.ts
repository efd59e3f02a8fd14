import type { CaseTab } from '../caseload/case-tabs';
import { CaseMeetingsTab } from './CaseMeetingsTab';

export const meetingsCaseTabs: CaseTab[] = [{ id: 'meetings', label: 'Meetings', Component: CaseMeetingsTab }];
