import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { councilName } from '../../../../shared/domain/councils';
import type { UnmatchedCouncil } from '../../../../shared/ipc/councils';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { ProblemAlert } from '../shell/ProblemAlert';
import { CouncilSelect } from './CouncilSelect';

/**
 * Councils typed by hand before Heard kept them from a list, that could not be matched to exactly
 * one council: the advocate chooses each, with Heard's suggestions first.
 */
export function UnmatchedCouncilsPage() {
  const [rows, setRows] = useState<UnmatchedCouncil[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    send('caseload.councils.unmatched', {}).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(reload, [reload]);

  return (
    <>
      <PageHeader
        title="Choose councils"
        description="These councils were typed by hand and do not name exactly one council. Choose the right one for each."
      />
      <Stack gap="sm" maw={960}>
        <ProblemAlert problem={error} />
        {rows && rows.length === 0 ? (
          <EmptyState
            title="Every council is chosen"
            next="Nothing to do here. New councils are chosen from the list as you take referrals."
          />
        ) : null}
        {rows && rows.length > 0 ? (
          <Table aria-label="Councils to choose" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Case</Table.Th>
                <Table.Th>Typed as</Table.Th>
                <Table.Th>Council</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Row key={r.personId} row={r} onChosen={reload} />
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </>
  );
}

function Row({ row, onChosen }: { row: UnmatchedCouncil; onChosen: () => void }) {
  const [code, setCode] = useState<string | null>(row.suggestions.length === 1 ? row.suggestions[0]! : null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!code || code === row.typed) {
      setError('Choose a council from the list.');
      return;
    }
    setBusy(true);
    try {
      const chosen = await send('caseload.councils.choose', { personId: row.personId, caseId: row.caseId, code });
      notifications.show({ message: `${row.displayName}: council set to ${chosen.name}.`, color: 'teal' });
      onChosen();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/caseload/${row.caseId}`}>
          {row.displayName}
        </Anchor>
        <Text size="xs" c="dimmed">
          {row.reference}
        </Text>
      </Table.Td>
      <Table.Td>{row.typed}</Table.Td>
      <Table.Td>
        <Group align="flex-start" wrap="nowrap">
          <CouncilSelect
            label={`Council for ${row.displayName}`}
            value={code}
            onChange={(v) => {
              setCode(v);
              setError(undefined);
            }}
            error={error}
            description={
              row.suggestions.length > 0 ? `It may be ${row.suggestions.map(councilName).join(' or ')}.` : undefined
            }
          />
          <Button mt={row.suggestions.length > 0 ? 44 : 25} onClick={() => void save()} loading={busy}>
            Save
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** On the caseload: how many councils are waiting to be chosen, with the way to them. */
export function UnmatchedCouncilsNotice() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    send('caseload.councils.unmatched', {}).then(
      (r) => setCount(r.length),
      () => setCount(0),
    );
  }, []);
  if (count === 0) return null;
  return (
    <Paper withBorder p="sm" role="status">
      <Group justify="space-between">
        <Text size="sm">
          {count === 1 ? 'One case has a council' : `${count} cases have councils`} typed by hand that Heard could not
          match to one council.
        </Text>
        <Button component={Link} to="/caseload/councils" variant="default" size="xs">
          Choose the councils
        </Button>
      </Group>
    </Paper>
  );
}
