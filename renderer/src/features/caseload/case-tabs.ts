import type { ComponentType } from 'react';
import { reportsCaseTabs } from '../reports/tabs';
import { meetingsCaseTabs } from '../meetings/tabs';
import { lettersCaseTabs } from '../letters/tabs';
import { fieldworkTabs } from '../fieldwork/tabs';
import { dataProtectionCaseTabs } from '../data-protection/tabs';

/**
 * The tabs on a case's page. Each feature (contacts and notes, meetings, letters, complaints…)
 * adds one entry here; the case page renders them in this order.
 */
export interface CaseTab {
  id: string;
  label: string;
  Component: ComponentType<{ caseId: string }>;
}

export const caseTabs: CaseTab[] = [
  ...meetingsCaseTabs,
  ...lettersCaseTabs,
  ...fieldworkTabs,
  ...reportsCaseTabs,
  ...dataProtectionCaseTabs,
];
