import type { CaseTab } from '../caseload/case-page-extensions';
import { FeedbackTab } from './FeedbackTab';

/** The report feature's tab on a case page: feedback forms received at closure. */
export const reportsCaseTabs: CaseTab[] = [{ id: 'feedback', label: 'Feedback', Component: FeedbackTab }];
