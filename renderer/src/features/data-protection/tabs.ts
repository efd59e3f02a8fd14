import type { CaseTab } from '../caseload/case-page-extensions';
import { CaseDataTab } from './CaseDataTab';

export const dataProtectionCaseTabs: CaseTab[] = [
  { id: 'data-protection', label: 'Access and data', Component: CaseDataTab },
];
