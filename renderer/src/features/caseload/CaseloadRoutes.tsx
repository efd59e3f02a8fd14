import { Route, Routes } from 'react-router';
import { CaseDetailPage } from './CaseDetailPage';
import { CaseloadListPage } from './CaseloadListPage';
import { ImportPage } from './ImportPage';
import { NewReferralPage } from './NewReferralPage';
import { TriagePage } from './TriagePage';
import { UnmatchedCouncilsPage } from './UnmatchedCouncilsPage';

/** Everything under /caseload. */
export function CaseloadRoutes() {
  return (
    <Routes>
      <Route index element={<CaseloadListPage />} />
      <Route path="triage" element={<TriagePage />} />
      <Route path="new" element={<NewReferralPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="councils" element={<UnmatchedCouncilsPage />} />
      <Route path=":caseId" element={<CaseDetailPage />} />
    </Routes>
  );
}
