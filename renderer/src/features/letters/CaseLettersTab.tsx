import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { sendMethodLabels, type LetterSummary, type TemplateInfo } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { useWriteLetter } from './useWriteLetter';
import { ProblemAlert } from '../shell/ProblemAlert';

/** The case's letters, and a new one from a template filled in with the case's details. */
export function CaseLettersTab({ caseId }: { caseId: string }) {
  const [letters, setLetters] = useState<LetterSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { write, error: writeError, busy } = useWriteLetter();

  useEffect(() => {
    Promise.all([send('letters.forCase', { caseId }), send('letters.templates', {})])
      .then(([l, t]) => {
        setLetters(l);
        setTemplates(t);
        announce('letters-loaded');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [caseId]);

  if (error) return <ProblemAlert problem={error} />;
  if (!letters) return null;
  const chosen = templates.find((t) => t.id === templateId);
  return (
    <Stack gap="md">
      <Title order={2} size="h4">Letters</Title>
      <Group align="flex-end">
        <Select
          label="New letter from a template"
          placeholder="Choose a letter"
          data={templates.map((t) => ({ value: t.id, label: t.title }))}
          value={templateId}
          onChange={setTemplateId}
          w={420}
          searchable
        />
        <Button disabled={!templateId} loading={busy} onClick={() => templateId && void write(caseId, templateId)}>
          Write letter
        </Button>
      </Group>
      {chosen ? <Text size="sm" c="dimmed">{chosen.description} To: {chosen.recipient}.</Text> : null}
      <ProblemAlert problem={writeError} />
      {letters.length === 0 ? (
        <EmptyState title="No letters yet" next="Choose a template above: the young person's name, the council and the complaint dates are filled in for you." />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Letter</Table.Th>
              <Table.Th>Written</Table.Th>
              <Table.Th>Sent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/letters/${l.id}`}>{l.title}</Anchor>
                </Table.Td>
                <Table.Td>{l.createdAt ? formatUkDate(l.createdAt) : ''}</Table.Td>
                <Table.Td>
                  {l.sentOn ? `${formatUkDate(l.sentOn)}${l.sentMethod ? ` (${sendMethodLabels[l.sentMethod]})` : ''}` : <Badge variant="outline">Not sent</Badge>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
