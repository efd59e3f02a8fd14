import type { CaseBadge } from '../caseload/case-page-extensions';
import { AllocationWaitingBadge } from './AllocationWaitingBadge';

export const teamCaseBadges: CaseBadge[] = [{ id: 'allocation-waiting', Component: AllocationWaitingBadge }];
