import type { ComponentType } from 'react';

/**
 * What a feature may add to a case's page: tabs (contacts and notes, meetings, letters…), banners
 * above the tabs (a complaint past its time limit) and badges beside the case's status (a
 * safeguarding concern). Each feature exports its own lists typed here; `case-tabs.ts` collects
 * them. The types live apart from the collector so a feature never imports what imports it.
 */
export interface CaseTab {
  id: string;
  label: string;
  Component: ComponentType<{ caseId: string }>;
}

export interface CaseBanner {
  id: string;
  Component: ComponentType<{ caseId: string }>;
}

export interface CaseBadge {
  id: string;
  Component: ComponentType<{ caseId: string }>;
}
