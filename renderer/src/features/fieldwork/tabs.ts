import type { CaseBadge, CaseTab } from '../caseload/case-page-extensions';
import { ActionsTab } from './ActionsTab';
import { ContactsNotesTab } from './ContactsNotesTab';
import { SafeguardingFlag } from './SafeguardingFlag';
import { SafeguardingTab } from './SafeguardingTab';
import { WishesTab } from './WishesTab';

/** Field work's tabs on a case page, in order. */
export const fieldworkTabs: CaseTab[] = [
  { id: 'contacts', label: 'Contacts and notes', Component: ContactsNotesTab },
  { id: 'wishes', label: 'Wishes and feelings', Component: WishesTab },
  { id: 'actions', label: 'Actions', Component: ActionsTab },
  { id: 'safeguarding', label: 'Safeguarding', Component: SafeguardingTab },
];

/** Beside a case's status: a flag while a safeguarding concern is open. */
export const fieldworkCaseBadges: CaseBadge[] = [{ id: 'safeguarding', Component: SafeguardingFlag }];
