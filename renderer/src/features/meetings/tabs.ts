import type { CaseTab } from '../caseload/case-page-extensions';
import { CaseMeetingsTab } from './CaseMeetingsTab';

export const meetingsCaseTabs: CaseTab[] = [{ id: 'meetings', label: 'Meetings', Component: CaseMeetingsTab }];
