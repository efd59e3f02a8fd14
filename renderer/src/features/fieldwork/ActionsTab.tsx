import { Alert, Badge, Button, Checkbox, Group, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { actionOwnerLabels, actionOwners, type Action, type ActionOwner } from '../../../../shared/domain/fieldwork';
import { errorMessage, HeardError, send } from '../../api/client';
import { RecordForm } from './record-parts';
import { DateField } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { EmptyState } from '../shell/EmptyState';

const ownerText = (a: Action): string => (a.ownerName ? `${a.ownerName} (${actionOwnerLabels[a.owner]})` : actionOwnerLabels[a.owner]);

/** Who does what by when, for this case. */
export function ActionsTab({ caseId }: { caseId: string }) {
  const [actions, setActions] = useState<Action[]>([]);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => send('fieldwork.actions.list', { caseId }).then(setActions, (e: unknown) => setError(errorMessage(e))), [caseId]);
  useEffect(() => void reload(), [reload]);
  const today = todayIso();

  const toggle = async (a: Action, done: boolean) => {
    try {
      await send('fieldwork.actions.setDone', { id: a.id, done });
      await reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Actions
        </Title>
        <Button onClick={() => setAdding(true)}>Add an action</Button>
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      {adding ? (
        <ActionForm
          caseId={caseId}
          onDone={() => {
            setAdding(false);
            void reload();
          }}
        />
      ) : null}
      {actions.length === 0 && !adding ? <EmptyState title="No actions" next="Add what needs doing, who will do it and by when. Due and overdue actions show on the Today screen." /> : null}
      {actions.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Done</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((a) => (
              <Table.Tr key={a.id} style={a.doneAt ? { opacity: 0.7 } : undefined}>
                <Table.Td>
                  <Checkbox aria-label={`Done: ${a.description}`} checked={a.doneAt !== null} onChange={(e) => void toggle(a, e.currentTarget.checked)} />
                </Table.Td>
                <Table.Td style={a.doneAt ? { textDecoration: 'line-through' } : undefined}>{a.description}</Table.Td>
                <Table.Td>{ownerText(a)}</Table.Td>
                <Table.Td>
                  {formatUkDate(a.dueOn)}{' '}
                  {!a.doneAt && a.dueOn < today ? (
                    <Badge color="red" variant="light">
                      Overdue
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function ActionForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [owner, setOwner] = useState<ActionOwner>('advocate');
  const [ownerName, setOwnerName] = useState('');
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState<string | null>(todayIso());
  const dates = useDateProblems();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const submit = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      await send('fieldwork.actions.save', { caseId, action: { owner, ownerName, description, dueOn: dueOn ?? '' } });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof HeardError && e.fields) setFields(e.fields);
    }
  };
  return (
    <RecordForm error={error} onSubmit={submit} onCancel={onDone} saveLabel="Save action">
      <TextInput label="What needs doing" required value={description} error={fields['action.description']} onChange={(e) => setDescription(e.currentTarget.value)} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select label="Who" data={actionOwners.map((o) => ({ value: o, label: actionOwnerLabels[o] }))} value={owner} allowDeselect={false} onChange={(v) => v && setOwner(v as ActionOwner)} />
        <TextInput label="Their name (optional)" value={ownerName} onChange={(e) => setOwnerName(e.currentTarget.value)} />
        <DateField label="By when" required value={dueOn} onChange={setDueOn} onProblem={dates.on('dueOn')} error={fields['action.dueOn']} />
      </SimpleGrid>
    </RecordForm>
  );
}
