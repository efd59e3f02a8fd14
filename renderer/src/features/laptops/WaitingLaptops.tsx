import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { LaptopView } from '../../../../shared/ipc/laptops';
import { errorMessage, send } from '../../api/client';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ProblemAlert } from '../shell/ProblemAlert';

/**
 * Laptops waiting for the key that no code from this laptop vouches for. The manager compares the
 * code shown here with the one on that laptop's Sync screen before giving it the key.
 */
export function WaitingLaptops({ laptops, onChanged }: { laptops: LaptopView[]; onChanged: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<LaptopView | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
      setRefusing(null);
    }
  };
  if (!laptops.length) return null;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Laptops waiting for the key
      </Title>
      <Text size="sm">
        Ask the person to open Sync on their laptop. Give the key only if the code there is exactly the one shown here.
      </Text>
      <ProblemAlert problem={problem} />
      {laptops.map((l) => (
        <Stack key={l.deviceId} gap={4} data-testid="waiting-laptop">
          <Text fw={600}>
            {l.userName}’s laptop “{l.name}”
          </Text>
          {l.tagRefused ? (
            <Alert color="red" title="This laptop did not match the code you issued">
              It may not be the laptop you gave the code to, so it cannot be given the key. Choose “Not this laptop” and
              give the person a new code.
            </Alert>
          ) : null}
          <Group>
            <Code fz="lg">{l.fingerprint}</Code>
            {l.tagRefused ? null : (
              <Button
                size="xs"
                loading={busy}
                onClick={() =>
                  act(() => send('laptops.approve', { deviceId: l.deviceId, fingerprint: l.fingerprint ?? '' }))
                }
              >
                Approve
              </Button>
            )}
            <Button size="xs" variant="default" color="red" onClick={() => setRefusing(l)}>
              Not this laptop
            </Button>
          </Group>
        </Stack>
      ))}
      <ConfirmModal
        opened={refusing !== null}
        title="Not this laptop"
        body={
          refusing
            ? `Disconnect ${refusing.userName}’s laptop “${refusing.name}” from your service? It will never be given the key. ${refusing.userName} will need a new code.`
            : ''
        }
        confirm="Disconnect it"
        danger
        busy={busy}
        onConfirm={() => refusing && act(() => send('laptops.refuse', { deviceId: refusing.deviceId }))}
        onCancel={() => setRefusing(null)}
      />
    </Stack>
  );
}
