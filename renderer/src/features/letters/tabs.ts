import type { CaseTab } from '../caseload/case-tabs';
import { CaseLettersTab } from './CaseLettersTab';
import { ComplaintsTab } from './ComplaintsTab';

export const lettersCaseTabs: CaseTab[] = [
  { id: 'complaints', label: 'Complaints', Component: ComplaintsTab },
  { id: 'letters', label: 'Letters', Component: CaseLettersTab },
];
