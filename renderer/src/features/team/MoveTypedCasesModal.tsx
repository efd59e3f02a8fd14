import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Advocate } from '../../../../shared/domain/caseload';
import { errorMessage, send } from '../../api/client';
import { ProblemAlert } from '../shell/ProblemAlert';

export interface TypedName {
  advocateId: string;
  name: string;
  open: number;
  /** A closed account rather than a name typed on this laptop. */
  closed: boolean;
}

/**
 * Gives the open cases of a name typed on this laptop to one of the service's people, after the
 * manager has read how many cases move and to whom.
 */
export function MoveTypedCasesModal({
  typed,
  onClose,
  onDone,
}: {
  typed: TypedName | null;
  onClose: () => void;
  onDone: (moved: number, to: string) => void;
}) {
  const [people, setPeople] = useState<Advocate[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!typed) return;
    setError(null);
    setUserId(null);
    send('caseload.advocates.list', {}).then(setPeople, (e) => setError(errorMessage(e)));
  }, [typed]);

  const chosen = people.find((p) => p.id === userId);
  const move = async () => {
    if (!typed || !chosen) return;
    setBusy(true);
    try {
      const r = await send('team.moveTypedCases', { typedId: typed.advocateId, userId: chosen.id });
      onDone(r.moved, chosen.name);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={typed !== null}
      onClose={onClose}
      title="Give these cases to someone on the service"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text size="sm">
          {typed
            ? `${typed.name} ${typed.closed ? 'no longer has an account with the service' : "was typed on this laptop and is not one of the service's people"}, so no laptop receives their ${typed.open} open case${typed.open === 1 ? '' : 's'}.`
            : ''}
        </Text>
        <Select
          label="Give them to"
          data={people.map((p) => ({ value: p.id, label: p.name }))}
          value={userId}
          onChange={setUserId}
          searchable
          required
        />
        {chosen && typed ? (
          <Text size="sm" fw={600}>
            {`${typed.open} open case${typed.open === 1 ? '' : 's'} will be allocated to ${chosen.name}. Their laptop receives them at its next sync.`}
          </Text>
        ) : null}
        <ProblemAlert problem={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void move()} loading={busy} disabled={!chosen}>
            Allocate the cases
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
