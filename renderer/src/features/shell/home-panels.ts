import { TriagePanel } from '../caseload/TriagePanel';
import { UpcomingMeetingsPanel } from '../meetings/UpcomingMeetingsPanel';
import { OverdueComplaintsPanel } from '../letters/OverdueComplaintsPanel';
import { DueActionsPanel } from '../fieldwork/DueActionsPanel';
import { NotesSearchPanel } from '../fieldwork/NotesSearchPanel';
import { OnlineReferralsPanel } from '../intake/OnlineReferralsPanel';
import type { HomePanel } from './home-panel';

export type { HomePanel } from './home-panel';

/** Panels on the Today screen; each feature adds its panel here and the home page shows them in this order. */
export const homePanels: HomePanel[] = [
  { id: 'meetings-upcoming', Component: UpcomingMeetingsPanel },
  { id: 'caseload-triage', Component: TriagePanel },
  { id: 'intake-online-referrals', Component: OnlineReferralsPanel },
  { id: 'complaints-overdue', Component: OverdueComplaintsPanel },
  { id: 'fieldwork-due-actions', Component: DueActionsPanel },
  { id: 'fieldwork-notes-search', Component: NotesSearchPanel },
];
