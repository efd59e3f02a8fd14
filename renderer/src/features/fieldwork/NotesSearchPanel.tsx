import { Paper, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { NotesSearch } from './NotesSearch';
import { fieldworkCasePath } from './paths';

/** Today screen: search every note on this computer. */
export function NotesSearchPanel() {
  const navigate = useNavigate();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notes-search-heading">
      <Title order={2} size="h4" id="notes-search-heading" mb="xs">
        Search notes
      </Title>
      <NotesSearch onOpen={(hit) => void navigate(fieldworkCasePath(hit.caseId, 'contacts', hit.noteId))} />
    </Paper>
  );
}
