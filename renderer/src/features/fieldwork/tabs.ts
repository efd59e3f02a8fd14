import type { CaseTab } from '../caseload/case-tabs';
import { ActionsTab } from './ActionsTab';
import { ContactsNotesTab } from './ContactsNotesTab';
import { SafeguardingTab } from './SafeguardingTab';
import { WishesTab } from './WishesTab';

/** Field work's tabs on a case page, in order. */
export const fieldworkTabs: CaseTab[] = [
  { id: 'contacts', label: 'Contacts and notes', Component: ContactsNotesTab },
  { id: 'wishes', label: 'Wishes and feelings', Component: WishesTab },
  { id: 'actions', label: 'Actions', Component: ActionsTab },
  { id: 'safeguarding', label: 'Safeguarding', Component: SafeguardingTab },
];
