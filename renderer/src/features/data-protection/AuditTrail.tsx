import { Alert, Button, Group, Stack, Table, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../../shared/ipc/audit';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { formatUkDateTime } from './labels';

const PAGE = 50;

/** Who opened, changed, exported or sent what on this computer, newest first; one case's, or all. */
export function AuditTrail({ caseId, showCheck = false }: { caseId?: string; showCheck?: boolean }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [check, setCheck] = useState<string | null>(null);
  const [broken, setBroken] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (beforeSeq?: number) => {
      try {
        const page = await send('audit.list', {
          ...(caseId ? { caseId } : {}),
          ...(beforeSeq ? { beforeSeq } : {}),
          limit: PAGE,
        });
        setEntries((old) => (beforeSeq ? [...old, ...page.entries] : page.entries));
        setMore(page.entries.length === PAGE);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [caseId],
  );
  useEffect(() => void load(), [load]);

  const runCheck = async () => {
    try {
      const r = await send('audit.check', {});
      setBroken(!r.intact);
      setCheck(
        r.intact
          ? `The trail is intact: all ${r.entries} entries follow on from each other and none has been changed.`
          : `The trail has been tampered with at entry ${r.firstBreak?.seq ?? '?'}. Tell your manager or data protection lead.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {caseId ? 'Who has opened or changed this case' : 'Audit trail'}
        </Title>
        {showCheck ? (
          <Button variant="default" onClick={() => void runCheck()}>
            Check the trail has not been changed
          </Button>
        ) : null}
      </Group>
      {check ? <Alert color={broken ? 'red' : 'green'}>{check}</Alert> : null}
      {error ? <Alert color="red">{error}</Alert> : null}
      {entries.length === 0 ? (
        <EmptyState
          title="Nothing recorded yet"
          next="Each time a case is opened, changed, exported, printed, sent or synced on this computer, it is recorded here."
        />
      ) : (
        <Table striped aria-label={caseId ? 'Trail of this case' : 'Audit trail'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              {caseId ? null : <Table.Th>Case</Table.Th>}
              <Table.Th>Device</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{formatUkDateTime(e.at)}</Table.Td>
                <Table.Td>{e.person ?? 'Not known'}</Table.Td>
                <Table.Td>{e.description}</Table.Td>
                {caseId ? null : <Table.Td>{e.caseReference ?? (e.caseId ? 'A case no longer held' : '—')}</Table.Td>}
                <Table.Td>…{e.deviceId.slice(-6)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {more ? (
        <Button variant="subtle" onClick={() => void load(entries[entries.length - 1]?.seq)}>
          Show older entries
        </Button>
      ) : null}
    </Stack>
  );
}
