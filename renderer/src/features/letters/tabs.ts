import type { CaseBanner, CaseTab } from '../caseload/case-page-extensions';
import { CaseLettersTab } from './CaseLettersTab';
import { ComplaintBanner } from './ComplaintBanner';
import { ComplaintsTab } from './ComplaintsTab';

export const lettersCaseTabs: CaseTab[] = [
  { id: 'complaints', label: 'Complaints', Component: ComplaintsTab },
  { id: 'letters', label: 'Letters', Component: CaseLettersTab },
];

/** Above a case's tabs: any complaint the council has let run past its statutory time limit. */
export const lettersCaseBanners: CaseBanner[] = [{ id: 'complaints-overdue', Component: ComplaintBanner }];
