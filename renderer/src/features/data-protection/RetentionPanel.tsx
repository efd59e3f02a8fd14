import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { RetentionBasis } from '../../../../shared/domain/retention';
import type { RetentionDueRow } from '../../../../shared/ipc/retention';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';

const basisOptions: { value: RetentionBasis; label: string }[] = [
  { value: 'closure', label: 'A number of years after the case closed' },
  { value: 'age25', label: 'Until the young person’s 25th birthday, plus a number of years' },
  { value: 'later', label: 'Whichever of the two is later' },
];

/** The retention policy, the closed cases it makes due, and deleting them for good. */
export function RetentionPanel() {
  const [basis, setBasis] = useState<RetentionBasis>('later');
  const [years, setYears] = useState<number>(6);
  const [due, setDue] = useState<RetentionDueRow[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Connected to a service: the erasure reaches the service and every laptop too. */
  const [connected, setConnected] = useState(false);

  const reload = useCallback(async () => {
    try {
      const policy = await send('retention.policy.get', {});
      setBasis(policy.basis);
      setYears(policy.years);
      setDue((await send('retention.due', {})).rows);
      setConnected((await send('sync.status', {})).connected);
      setChosen(new Set());
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const savePolicy = async () => {
    setError(null);
    try {
      await send('retention.policy.set', { basis, years });
      setMessage('Retention policy saved.');
      setDue((await send('retention.due', {})).rows);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const erase = async () => {
    setConfirming(false);
    setError(null);
    try {
      const r = await send('retention.erase', { caseIds: [...chosen], confirmCount: Number(typed) });
      const everywhere = connected ? ' Every other laptop that holds them deletes them when it next syncs.' : '';
      setMessage(
        `${r.erased} case${r.erased === 1 ? '' : 's'} deleted for good.${everywhere} The audit trail keeps that this happened.`,
      );
      setTyped('');
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Stack>
      <Title order={2} size="h4">
        Retention policy
      </Title>
      <Group align="flex-end">
        <Select
          label="Keep closed cases"
          data={basisOptions}
          value={basis}
          onChange={(v) => v && setBasis(v as RetentionBasis)}
          allowDeselect={false}
          w={420}
        />
        <NumberInput
          label="Years"
          min={0}
          max={75}
          value={years}
          onChange={(v) => setYears(typeof v === 'number' ? v : Number(v) || 0)}
          w={120}
        />
        <Button onClick={() => void savePolicy()}>Save policy</Button>
      </Group>
      {message ? <Alert color="green">{message}</Alert> : null}
      {error ? <Alert color="red">{error}</Alert> : null}
      <Title order={2} size="h4">
        Cases due for deletion
      </Title>
      {due.length === 0 ? (
        <EmptyState
          title="No cases are due"
          next="Closed cases appear here once the retention policy says they should no longer be kept."
        />
      ) : (
        <>
          <Table aria-label="Cases due for deletion">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Delete</Table.Th>
                <Table.Th>Case</Table.Th>
                <Table.Th>Closed</Table.Th>
                <Table.Th>Due since</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.map((r) => (
                <Table.Tr key={r.caseId}>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Delete case ${r.reference}`}
                      checked={chosen.has(r.caseId)}
                      onChange={(e) => toggle(r.caseId, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>{r.reference}</Table.Td>
                  <Table.Td>{formatUkDate(r.closureDate)}</Table.Td>
                  <Table.Td>
                    {formatUkDate(r.dueOn)} {r.ruleUsed === 'age25' ? '(25th birthday rule)' : '(closure rule)'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button color="red" disabled={chosen.size === 0} onClick={() => setConfirming(true)}>
              Delete the chosen cases…
            </Button>
          </Group>
        </>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete for good?">
        <Stack>
          <Text size="sm">
            Every record of the {chosen.size} chosen case{chosen.size === 1 ? '' : 's'} (notes and their earlier
            versions, statements, letters, safeguarding records, meetings) will be removed from this computer
            {connected
              ? ', from the service, and from every laptop that holds them when it next syncs. This computer must be online to do it. They'
              : ' and'}{' '}
            cannot be brought back except from a backup.
          </Text>
          <TextInput
            label={`Type ${chosen.size} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            inputMode="numeric"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" disabled={typed !== String(chosen.size)} onClick={() => void erase()}>
              Delete for good
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
