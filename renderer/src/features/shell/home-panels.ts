import type { ComponentType } from 'react';
import { TriagePanel } from '../caseload/TriagePanel';
import { UpcomingMeetingsPanel } from '../meetings/UpcomingMeetingsPanel';
import { OverdueComplaintsPanel } from '../letters/OverdueComplaintsPanel';
import { DueActionsPanel } from '../fieldwork/DueActionsPanel';
import { NotesSearchPanel } from '../fieldwork/NotesSearchPanel';

/**
 * Panels on the Today screen (actions due and overdue, complaint deadlines, upcoming meetings…).
 * Each feature adds its panel here; the home page shows them in this order.
 */
export interface HomePanel {
  id: string;
  Component: ComponentType;
}

export const homePanels: HomePanel[] = [
  { id: 'meetings-upcoming', Component: UpcomingMeetingsPanel },
  { id: 'caseload-triage', Component: TriagePanel },
  { id: 'complaints-overdue', Component: OverdueComplaintsPanel },
  { id: 'fieldwork-due-actions', Component: DueActionsPanel },
  { id: 'fieldwork-notes-search', Component: NotesSearchPanel },
];
