import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LaptopView } from '../../../../shared/ipc/laptops';
import { errorMessage, send } from '../../api/client';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ProblemAlert } from '../shell/ProblemAlert';
import { clockText, lastSyncText, statusText } from './laptop-text';

type Action = { laptop: LaptopView; action: 'revoke' | 'wipe' };

const confirmText = ({ laptop, action }: Action) =>
  action === 'wipe'
    ? `Wipe ${laptop.userName}’s laptop “${laptop.name}”? It deletes every record on it the next time it connects, and can no longer sync. Changes on it not yet sent are lost.`
    : `Disconnect ${laptop.userName}’s laptop “${laptop.name}”? It can no longer sync, and removes its records the next time it connects. Your organisation’s key is changed so it cannot read anything written after.`;

/** Every laptop of the service, with its last sync and clock, and the managers' revoke and wipe. */
export function LaptopTable({ laptops, onChanged }: { laptops: LaptopView[]; onChanged: () => void }) {
  const [pending, setPending] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setProblem(null);
    try {
      await send('laptops.setStatus', { deviceId: pending.laptop.deviceId, action: pending.action });
      onChanged();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
      setPending(null);
    }
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Laptops
      </Title>
      <ProblemAlert problem={problem} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Laptop</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Last sync</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {laptops.map((l) => (
            <Table.Tr key={l.deviceId} data-testid="laptop-row">
              <Table.Td>{l.userName}</Table.Td>
              <Table.Td>
                {l.name}
                {l.thisLaptop ? <Text size="xs">This laptop</Text> : null}
              </Table.Td>
              <Table.Td>{statusText(l)}</Table.Td>
              <Table.Td>
                {lastSyncText(l)}
                {clockText(l) ? (
                  <Badge color="orange" ml="xs">
                    {clockText(l)}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>
                {l.status === 'active' && !l.thisLaptop ? (
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => setPending({ laptop: l, action: 'revoke' })}>
                      Disconnect
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => setPending({ laptop: l, action: 'wipe' })}
                    >
                      Wipe
                    </Button>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmModal
        opened={pending !== null}
        title={pending?.action === 'wipe' ? 'Wipe a laptop' : 'Disconnect a laptop'}
        body={pending ? confirmText(pending) : ''}
        confirm={pending?.action === 'wipe' ? 'Wipe it' : 'Disconnect it'}
        danger
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}
