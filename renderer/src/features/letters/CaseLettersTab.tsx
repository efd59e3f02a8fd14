import { Alert, Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { sendMethodLabels, type LetterSummary, type TemplateInfo } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { ProblemAlert } from '../shell/ProblemAlert';
import { WriteLetterModal } from './WriteLetterModal';

/** The case's letters, a new one from a template filled in with the case's details, and deleting drafts with undo. */
export function CaseLettersTab({ caseId }: { caseId: string }) {
  const [letters, setLetters] = useState<LetterSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const [deleted, setDeleted] = useState<string | null>(params.get('deleted'));

  const reload = useCallback(
    (state = 'letters-loaded') =>
      Promise.all([send('letters.forCase', { caseId }), send('letters.templates', {})])
        .then(([l, t]) => {
          setLetters(l);
          setTemplates(t);
          announce(state);
        })
        .catch((e) => setError(errorMessage(e))),
    [caseId],
  );
  useEffect(() => void reload(), [reload]);

  const forget = () => {
    setDeleted(null);
    if (params.has('deleted')) {
      params.delete('deleted');
      setParams(params, { replace: true });
    }
  };
  const remove = async (id: string) => {
    try {
      await send('letters.remove', { id });
      setDeleted(id);
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      await send('letters.restore', { id: deleted });
      forget();
      await reload('letter-restored');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!letters) return error ? <ProblemAlert problem={error} /> : null;
  const chosen = templates.find((t) => t.id === templateId);
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        Letters
      </Title>
      <ProblemAlert problem={error} />
      {deleted ? (
        <Alert
          color="gray"
          role="status"
          title="Draft deleted"
          withCloseButton
          onClose={forget}
          closeButtonLabel="Dismiss"
        >
          <Group gap="sm">
            <Text size="sm">The draft letter was deleted.</Text>
            <Button size="xs" variant="default" onClick={() => void undo()}>
              Undo
            </Button>
          </Group>
        </Alert>
      ) : null}
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
        <Button disabled={!templateId} onClick={() => setWriting(true)}>
          Write letter
        </Button>
      </Group>
      {chosen ? (
        <Text size="sm" c="dimmed">
          {chosen.description} To: {chosen.recipient}.
        </Text>
      ) : null}
      {writing && chosen ? (
        <WriteLetterModal
          caseId={caseId}
          templateId={chosen.id}
          title={chosen.title}
          complaintId={null}
          onClose={() => setWriting(false)}
        />
      ) : null}
      {letters.length === 0 ? (
        <EmptyState
          title="No letters yet"
          next="Choose a template above: the young person's names, pronouns, the council and the complaint dates are filled in for you."
        />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Letter</Table.Th>
              <Table.Th>Written</Table.Th>
              <Table.Th>Sent</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/letters/${l.id}`}>
                    {l.title}
                  </Anchor>
                  {l.version > 1 ? (
                    <Text span size="sm" c="dimmed">{` (version ${l.version}, a correction)`}</Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{l.createdAt ? formatUkDate(l.createdAt) : ''}</Table.Td>
                <Table.Td>
                  {l.sentOn ? (
                    `${formatUkDate(l.sentOn)}${l.sentMethod ? ` (${sendMethodLabels[l.sentMethod]})` : ''}`
                  ) : (
                    <Badge variant="outline">Not sent</Badge>
                  )}
                  {l.correctedBy ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      · corrected
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {l.sentOn ? null : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete the draft "${l.title}"`}
                      onClick={() => void remove(l.id)}
                    >
                      Delete draft
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
