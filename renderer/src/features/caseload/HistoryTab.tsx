import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Correction } from '../../../../shared/domain/corrections';
import { errorMessage, send } from '../../api/client';
import { formatUkDateTime } from '../data-protection/labels';
import { EmptyState } from '../shell/EmptyState';
import { ProblemAlert } from '../shell/ProblemAlert';
import { entityWords, fieldWord, valueWords } from './history-words';

/** Every correction to the case's saved details, newest first: what it was, what it became, who, when and why. */
export function HistoryTab({ caseId, version }: { caseId: string; version: unknown }) {
  const [history, setHistory] = useState<Correction[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('caseload.case.history', { caseId }).then(setHistory, (e: unknown) => setError(errorMessage(e)));
  }, [caseId, version]);

  if (error) return <ProblemAlert problem={error} />;
  if (history === null) return null;
  if (history.length === 0)
    return (
      <EmptyState
        title="No corrections yet"
        next="When a saved detail is changed, what it was, what it became, who changed it and why are kept here."
      />
    );
  return (
    <Stack>
      {history.map((c) => (
        <Paper
          key={c.id}
          withBorder
          p="md"
          component="article"
          aria-label={`${entityWords[c.entity]} ${c.kind === 'removed' ? 'removed' : 'corrected'} ${formatUkDateTime(c.correctedAt)}`}
        >
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {entityWords[c.entity]} {c.kind === 'removed' ? 'removed' : 'corrected'}
            </Title>
            {c.kind === 'removed' ? (
              <Badge color="red" variant="light">
                Removed
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {formatUkDateTime(c.correctedAt)} by {c.correctedByName ?? 'an advocate'}
          </Text>
          <Text size="sm" mb="xs">
            {c.reason ? `Why: ${c.reason}` : 'No reason given'}
          </Text>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Detail</Table.Th>
                <Table.Th>Was</Table.Th>
                <Table.Th>{c.kind === 'removed' ? '' : 'Now'}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.changes.map((ch) => (
                <Table.Tr key={ch.field}>
                  <Table.Td>{fieldWord(c.entity, ch.field)}</Table.Td>
                  <Table.Td>{valueWords(c.entity, ch.field, ch.before)}</Table.Td>
                  <Table.Td>{c.kind === 'removed' ? '' : valueWords(c.entity, ch.field, ch.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
