import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { actionOwnerLabels, actionOwners, type Action, type ActionOwner } from '../../../../shared/domain/fieldwork';
import { errorMessage, HeardError, send } from '../../api/client';
import { RecordForm } from './record-parts';
import { DateField } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { EmptyState } from '../shell/EmptyState';
import { ProblemAlert } from '../shell/ProblemAlert';

const ownerText = (a: Action): string =>
  a.ownerName ? `${a.ownerName} (${actionOwnerLabels[a.owner]})` : actionOwnerLabels[a.owner];

/** Who does what by when, for this case. Actions can be corrected or deleted; both are kept in the case's history. */
export function ActionsTab({ caseId }: { caseId: string }) {
  const [actions, setActions] = useState<Action[]>([]);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Action | null>(null);
  const [deleting, setDeleting] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => send('fieldwork.actions.list', { caseId }).then(setActions, (e: unknown) => setError(errorMessage(e))),
    [caseId],
  );
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
  const finish = () => {
    setAdding(false);
    setEditing(null);
    void reload();
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
      {adding ? <ActionForm caseId={caseId} onDone={finish} /> : null}
      {editing ? <ActionForm key={editing.id} caseId={caseId} action={editing} onDone={finish} /> : null}
      {actions.length === 0 && !adding ? (
        <EmptyState
          title="No actions"
          next="Add what needs doing, who will do it and by when. Due and overdue actions show on the Today screen."
        />
      ) : null}
      {actions.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Done</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((a) => (
              <Table.Tr key={a.id} style={a.doneAt || a.cancelledAt ? { opacity: 0.7 } : undefined}>
                <Table.Td>
                  {a.cancelledAt ? null : (
                    <Checkbox
                      aria-label={`Done: ${a.description}`}
                      checked={a.doneAt !== null}
                      onChange={(e) => void toggle(a, e.currentTarget.checked)}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={a.doneAt || a.cancelledAt ? { textDecoration: 'line-through' } : undefined}>
                    {a.description}
                  </Text>
                  {a.cancelledAt ? (
                    <Text size="xs" c="dimmed">
                      Cancelled when the case closed{a.cancelReason ? `: ${a.cancelReason}` : ''}
                    </Text>
                  ) : null}
                  {a.carriedReason && !a.doneAt && !a.cancelledAt ? (
                    <Text size="xs" c="dimmed">
                      Carries on after closure: {a.carriedReason}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{ownerText(a)}</Table.Td>
                <Table.Td>
                  {formatUkDate(a.dueOn)}{' '}
                  {!a.doneAt && !a.cancelledAt && a.dueOn < today ? (
                    <Badge color="red" variant="light">
                      Overdue
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`Edit: ${a.description}`}
                      onClick={() => setEditing(a)}
                    >
                      Edit
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete: ${a.description}`}
                      onClick={() => setDeleting(a)}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {deleting ? (
        <DeleteAction
          action={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            void reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

function DeleteAction({ action, onClose, onDeleted }: { action: Action; onClose: () => void; onDeleted: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    try {
      await send('fieldwork.actions.remove', { id: action.id, reason: reason.trim() || undefined });
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Delete this action?">
      <Stack>
        <Text size="sm">“{action.description}” will leave the list. What it said stays in the case’s history.</Text>
        <TextInput label="Why? (optional)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ProblemAlert problem={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" onClick={() => void remove()}>
            Delete action
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ActionForm({ caseId, action, onDone }: { caseId: string; action?: Action; onDone: () => void }) {
  const [owner, setOwner] = useState<ActionOwner>(action?.owner ?? 'advocate');
  const [ownerName, setOwnerName] = useState(action?.ownerName ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [dueOn, setDueOn] = useState<string | null>(action?.dueOn ?? todayIso());
  const dates = useDateProblems();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const submit = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      await send('fieldwork.actions.save', {
        caseId,
        id: action?.id,
        action: { owner, ownerName, description, dueOn: dueOn ?? '' },
        reason: action && reason.trim() ? reason.trim() : undefined,
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof HeardError && e.fields) setFields(e.fields);
    }
  };
  return (
    <RecordForm error={error} onSubmit={submit} onCancel={onDone} saveLabel={action ? 'Save changes' : 'Save action'}>
      <TextInput
        label="What needs doing"
        required
        value={description}
        error={fields['action.description']}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Who"
          data={actionOwners.map((o) => ({ value: o, label: actionOwnerLabels[o] }))}
          value={owner}
          allowDeselect={false}
          onChange={(v) => v && setOwner(v as ActionOwner)}
        />
        <TextInput
          label="Their name (optional)"
          value={ownerName}
          onChange={(e) => setOwnerName(e.currentTarget.value)}
        />
        <DateField
          label="By when"
          required
          value={dueOn}
          onChange={setDueOn}
          onProblem={dates.on('dueOn')}
          error={fields['action.dueOn']}
        />
      </SimpleGrid>
      {action ? (
        <TextInput
          label="Why are you changing it? (optional)"
          description="Kept with the change in the case's history"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      ) : null}
    </RecordForm>
  );
}
