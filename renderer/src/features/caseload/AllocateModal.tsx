import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Advocate } from '../../../../shared/domain/caseload';
import { todayIso } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { DateField, notFuture } from '../shell/DateField';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Choose an advocate and the allocation date; "me" is the default. */
export function AllocateModal({
  caseId,
  who,
  onClose,
  onDone,
}: {
  caseId: string | null;
  who: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [advocates, setAdvocates] = useState<Advocate[]>([]);
  const [advocateId, setAdvocateId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [date, setDate] = useState<string | null>(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Connected to a service, the list is the service's people and a name typed here would reach no laptop.
  const [connected, setConnected] = useState(false);
  const [advocateLaptop, setAdvocateLaptop] = useState(false);

  useEffect(() => {
    if (!caseId) return;
    setError(null);
    setDate(todayIso());
    void Promise.all([send('caseload.advocates.list', {}), send('caseload.me.get', {}), send('sync.status', {})]).then(
      ([list, me, status]) => {
        // An advocate's laptop may only take a case itself; giving it to someone else is a manager's decision.
        setAdvocates(status.connected && status.role === 'advocate' ? [me.advocate] : list);
        setAdvocateId(me.advocate.id);
        setConnected(status.connected);
        setAdvocateLaptop(status.connected && status.role === 'advocate');
      },
    );
  }, [caseId]);

  const addAdvocate = async () => {
    try {
      const a = await send('caseload.advocates.add', { name: newName, role: 'advocate' });
      setAdvocates((list) => (list.some((x) => x.id === a.id) ? list : [...list, a]));
      setAdvocateId(a.id);
      setNewName('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const allocate = async () => {
    if (!caseId || !advocateId || !date) return;
    setBusy(true);
    try {
      await send('caseload.allocate', { caseId, advocateId, date });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={caseId !== null}
      onClose={onClose}
      title="Allocate this referral"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text size="sm">Allocating opens the case for {who}. The date is kept to show how long they waited.</Text>
        <Select
          label="Advocate"
          data={advocates.map((a) => ({ value: a.id, label: a.name }))}
          value={advocateId}
          onChange={setAdvocateId}
          searchable
          required
        />
        {connected ? (
          <Text size="sm">
            {advocateLaptop
              ? 'You can take this case yourself. Only a manager can allocate it to someone else.'
              : 'Their laptop receives the whole case the next time it syncs. Add advocates on the People screen.'}
          </Text>
        ) : (
          <Group align="flex-end">
            <TextInput
              label="Or add an advocate"
              value={newName}
              onChange={(e) => setNewName(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button variant="default" onClick={() => void addAdvocate()} disabled={!newName.trim()}>
              Add
            </Button>
          </Group>
        )}
        <DateField
          label="Allocation date"
          value={date}
          onChange={setDate}
          required
          notAfter={notFuture("An allocation date can't be in the future.")}
        />
        <ProblemAlert problem={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void allocate()} loading={busy} disabled={!advocateId || !date}>
            Allocate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
