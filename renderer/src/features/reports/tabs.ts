import type { CaseTab } from '../caseload/case-page-extensions';
import { FeedbackTab } from './FeedbackTab';
import { SystemicIssuesTab } from './SystemicIssuesTab';

/** The report feature's tabs on a case page: feedback forms received at closure, and wider issues the case shows. */
export const reportsCaseTabs: CaseTab[] = [
  { id: 'feedback', label: 'Feedback', Component: FeedbackTab },
  { id: 'systemic', label: 'Systemic issues', Component: SystemicIssuesTab },
];
