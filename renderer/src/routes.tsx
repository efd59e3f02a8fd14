import { Route } from 'react-router';
import type { Settings } from '../../shared/ipc/settings';
import { CaseloadRoutes } from './features/caseload/CaseloadRoutes';
import { FieldworkRoutes } from './features/fieldwork/FieldworkPages';
import { SettingsPage } from './features/settings/SettingsPage';
import { CalendarRoutes } from './features/calendar/CalendarPage';
import { HomePage } from './features/shell/HomePage';
import { SyncRoutes } from './features/sync/SyncPage';
import { LaptopsPage } from './features/laptops/LaptopsPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { LettersRoutes } from './features/letters/LettersPage';
import { DataProtectionPage } from './features/data-protection/DataProtectionPage';
import { PeopleRoute, TeamRoute } from './features/team/TeamRoutes';

/** The unlocked app's screens. Each feature replaces its placeholder with its own page. */
export function appRoutes(onSettingsChanged: (s: Settings) => void) {
  return (
    <>
      <Route index element={<HomePage />} />
      <Route path="caseload/*" element={<CaseloadRoutes />} />
      <Route path="calendar/*" element={<CalendarRoutes />} />
      <Route path="letters/*" element={<LettersRoutes />} />
      <Route path="reports/*" element={<ReportsPage />} />
      <Route path="sync/*" element={<SyncRoutes />} />
      <Route path="laptops" element={<LaptopsPage />} />
      <Route path="fieldwork/*" element={<FieldworkRoutes />} />
      <Route path="data-protection" element={<DataProtectionPage />} />
      <Route path="team" element={<TeamRoute />} />
      <Route path="people" element={<PeopleRoute />} />
      <Route path="settings" element={<SettingsPage onSettingsChanged={onSettingsChanged} />} />
    </>
  );
}
