import { reportsCaseTabs } from '../reports/tabs';
import { meetingsCaseTabs } from '../meetings/tabs';
import { lettersCaseBanners, lettersCaseTabs } from '../letters/tabs';
import { fieldworkCaseBadges, fieldworkTabs } from '../fieldwork/tabs';
import { dataProtectionCaseTabs } from '../data-protection/tabs';
import { intakeCaseBanners } from '../intake/tabs';
import { teamCaseBadges } from '../team/tabs';
import type { CaseBadge, CaseBanner, CaseTab } from './case-page-extensions';

export type { CaseBadge, CaseBanner, CaseTab } from './case-page-extensions';

/**
 * What features add to a case's page, each list in the order the page shows it. A feature adds
 * its entries in its own `tabs.ts` and is listed here once.
 */
export const caseTabs: CaseTab[] = [
  ...meetingsCaseTabs,
  ...lettersCaseTabs,
  ...fieldworkTabs,
  ...reportsCaseTabs,
  ...dataProtectionCaseTabs,
];

export const caseBanners: CaseBanner[] = [...intakeCaseBanners, ...lettersCaseBanners];

export const caseBadges: CaseBadge[] = [...fieldworkCaseBadges, ...teamCaseBadges];
