import { Tabs } from '@mantine/core';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../shell/PageHeader';
import { NotesSearch } from './NotesSearch';
import { fieldworkCasePath } from './paths';
import { SafeguardingFlag } from './SafeguardingFlag';
import { fieldworkTabs } from './tabs';

/**
 * Field work for one case on a page of its own (route "fieldwork/case/:caseId"), for a case id
 * the caseload does not hold (yet); the same tabs sit on the caseload's case page.
 */
function FieldworkCasePage() {
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'contacts';
  return (
    <>
      <PageHeader
        title="Field work"
        description="Contacts, notes, wishes and feelings, actions and safeguarding for this case."
        actions={<SafeguardingFlag caseId={caseId} />}
      />
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v })} keepMounted={false}>
        <Tabs.List mb="md">
          {fieldworkTabs.map((t) => (
            <Tabs.Tab key={t.id} value={t.id}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {fieldworkTabs.map(({ id, Component }) => (
          <Tabs.Panel key={id} value={id}>
            <Component caseId={caseId} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

function NotesSearchPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Search notes"
        description="Find words in any note on this computer. Matching words are highlighted."
      />
      <NotesSearch autoFocus onOpen={(hit) => void navigate(fieldworkCasePath(hit.caseId, 'contacts', hit.noteId))} />
    </>
  );
}

export function FieldworkRoutes() {
  return (
    <Routes>
      <Route path="search" element={<NotesSearchPage />} />
      <Route path="case/:caseId" element={<FieldworkCasePage />} />
    </Routes>
  );
}
