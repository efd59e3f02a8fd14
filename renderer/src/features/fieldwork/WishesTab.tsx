import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import type { Wishes } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { ObservationsPanel } from './ObservationsPanel';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { IssueBadges, IssuePicker, RecordForm, Section } from './record-parts';
import { useCaseInfo, type CaseInfo } from './useCaseInfo';

/** Wishes and feelings for an instructed case; the observation template for a non-instructed one. */
export function WishesTab({ caseId }: { caseId: string }) {
  const info = useCaseInfo(caseId);
  if (!info) return <Loader aria-label="Loading" />;
  return info.advocacyType === 'non_instructed' ? (
    <ObservationsPanel caseId={caseId} issues={info.issues} />
  ) : (
    <WishesPanel caseId={caseId} issues={info.issues} />
  );
}

function WishesPanel({ caseId, issues }: { caseId: string; issues: CaseInfo['issues'] }) {
  const [entries, setEntries] = useState<Wishes[]>([]);
  const [editing, setEditing] = useState<Wishes | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => send('fieldwork.wishes.list', { caseId }).then(setEntries, (e: unknown) => setError(errorMessage(e))),
    [caseId],
  );
  useEffect(() => void reload(), [reload]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Wishes and feelings
        </Title>
        <Button onClick={() => setEditing('new')}>Add wishes and feelings</Button>
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      {editing ? (
        <WishesForm
          key={editing === 'new' ? 'new' : editing.id}
          caseId={caseId}
          issues={issues}
          entry={editing === 'new' ? undefined : editing}
          onDone={() => {
            setEditing(null);
            void reload();
          }}
        />
      ) : null}
      {entries.length === 0 && !editing ? (
        <EmptyState
          title="Nothing recorded yet"
          next="Ask the young person what is going well, what worries them and what they want to happen, and write it in their words."
        />
      ) : null}
      {entries.map((w) => (
        <Paper key={w.id} withBorder p="md">
          <Group justify="space-between">
            <Text fw={600}>{formatUkDate(w.recordedOn)}</Text>
            <Button
              size="xs"
              variant="default"
              aria-label={`Change the entry of ${formatUkDate(w.recordedOn)}`}
              onClick={() => setEditing(w)}
            >
              Change
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 3 }} mt="xs">
            <Section title="What is going well" text={w.goingWell} />
            <Section title="What worries me" text={w.worries} />
            <Section title="What I want to happen" text={w.wantToHappen} />
          </SimpleGrid>
          <IssueBadges issues={issues} ids={w.issueIds} />
        </Paper>
      ))}
    </Stack>
  );
}

function WishesForm({
  caseId,
  issues,
  entry,
  onDone,
}: {
  caseId: string;
  issues: CaseInfo['issues'];
  entry?: Wishes;
  onDone: () => void;
}) {
  const [recordedOn, setRecordedOn] = useState<string | null>(entry?.recordedOn ?? todayIso());
  const dates = useDateProblems();
  const [goingWell, setGoingWell] = useState(entry?.goingWell ?? '');
  const [worries, setWorries] = useState(entry?.worries ?? '');
  const [wantToHappen, setWant] = useState(entry?.wantToHappen ?? '');
  const [issueIds, setIssueIds] = useState<string[]>(entry?.issueIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      await send('fieldwork.wishes.save', {
        caseId,
        id: entry?.id,
        entry: { recordedOn: recordedOn ?? '', goingWell, worries, wantToHappen, issueIds },
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <RecordForm error={error} onSubmit={submit} onCancel={onDone} saveLabel="Save">
      <DateField
        label="Date"
        required
        value={recordedOn}
        onChange={setRecordedOn}
        onProblem={dates.on('recordedOn')}
        notAfter={notFuture("Wishes and feelings can't be dated in the future.")}
        w={220}
      />
      <Textarea
        label="What is going well"
        autosize
        minRows={3}
        value={goingWell}
        onChange={(e) => setGoingWell(e.currentTarget.value)}
      />
      <Textarea
        label="What worries me"
        autosize
        minRows={3}
        value={worries}
        onChange={(e) => setWorries(e.currentTarget.value)}
      />
      <Textarea
        label="What I want to happen"
        autosize
        minRows={3}
        value={wantToHappen}
        onChange={(e) => setWant(e.currentTarget.value)}
      />
      <IssuePicker issues={issues} value={issueIds} onChange={setIssueIds} />
    </RecordForm>
  );
}
