import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import {
  rightsUpheldAnswers,
  rightsUpheldLabels,
  type Observation,
  type RightsUpheld,
} from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import type { CaseInfo } from './useCaseInfo';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { IssueBadges, IssuePicker, RecordForm, Section } from './record-parts';

/** Non-instructed advocacy: what the advocate observed, for a child who cannot instruct. */
export function ObservationsPanel({ caseId, issues }: { caseId: string; issues: CaseInfo['issues'] }) {
  const [entries, setEntries] = useState<Observation[]>([]);
  const [editing, setEditing] = useState<Observation | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => send('fieldwork.observations.list', { caseId }).then(setEntries, (e: unknown) => setError(errorMessage(e))),
    [caseId],
  );
  useEffect(() => void reload(), [reload]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Observations (non-instructed advocacy)
        </Title>
        <Button onClick={() => setEditing('new')}>Add an observation</Button>
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      {editing ? (
        <ObservationForm
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
          title="No observations yet"
          next="This young person cannot instruct. Record how they communicate, what they seem to like and dislike, who knows them well, and whether their rights are being upheld."
        />
      ) : null}
      {entries.map((o) => (
        <Paper key={o.id} withBorder p="md">
          <Group justify="space-between">
            <Text fw={600}>{formatUkDate(o.observedOn)}</Text>
            <Group gap="xs">
              <Badge
                color={o.rightsUpheld === 'no' ? 'red.9' : o.rightsUpheld === 'yes' ? 'teal.9' : 'dark'}
                variant="outline"
              >
                Rights upheld: {rightsUpheldLabels[o.rightsUpheld]}
              </Badge>
              <Button
                size="xs"
                variant="default"
                aria-label={`Change the observation of ${formatUkDate(o.observedOn)}`}
                onClick={() => setEditing(o)}
              >
                Change
              </Button>
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs">
            <Section title="How they communicate" text={o.communication} />
            <Section title="Who knows them well" text={o.knowsThemWell} />
            <Section title="What they seem to like" text={o.likes} />
            <Section title="What they seem to dislike" text={o.dislikes} />
            <Section title="Rights: what I saw" text={o.rightsNotes} />
          </SimpleGrid>
          <IssueBadges issues={issues} ids={o.issueIds} />
        </Paper>
      ))}
    </Stack>
  );
}

function ObservationForm({
  caseId,
  issues,
  entry,
  onDone,
}: {
  caseId: string;
  issues: CaseInfo['issues'];
  entry?: Observation;
  onDone: () => void;
}) {
  const [observedOn, setObservedOn] = useState<string | null>(entry?.observedOn ?? todayIso());
  const dates = useDateProblems();
  const [communication, setCommunication] = useState(entry?.communication ?? '');
  const [likes, setLikes] = useState(entry?.likes ?? '');
  const [dislikes, setDislikes] = useState(entry?.dislikes ?? '');
  const [knowsThemWell, setKnows] = useState(entry?.knowsThemWell ?? '');
  const [rightsUpheld, setRights] = useState<RightsUpheld>(entry?.rightsUpheld ?? 'not_sure');
  const [rightsNotes, setRightsNotes] = useState(entry?.rightsNotes ?? '');
  const [issueIds, setIssueIds] = useState<string[]>(entry?.issueIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      await send('fieldwork.observations.save', {
        caseId,
        id: entry?.id,
        entry: {
          observedOn: observedOn ?? '',
          communication,
          likes,
          dislikes,
          knowsThemWell,
          rightsUpheld,
          rightsNotes,
          issueIds,
        },
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <RecordForm error={error} onSubmit={submit} onCancel={onDone} saveLabel="Save">
      <DateField
        label="Date observed"
        required
        value={observedOn}
        onChange={setObservedOn}
        onProblem={dates.on('observedOn')}
        notAfter={notFuture("An observation can't be dated in the future.")}
        w={220}
      />
      <Textarea
        label="How they communicate"
        description="Words, signs, sounds, gestures, pictures, behaviour"
        autosize
        minRows={2}
        value={communication}
        onChange={(e) => setCommunication(e.currentTarget.value)}
      />
      <Textarea
        label="What they seem to like"
        autosize
        minRows={2}
        value={likes}
        onChange={(e) => setLikes(e.currentTarget.value)}
      />
      <Textarea
        label="What they seem to dislike"
        autosize
        minRows={2}
        value={dislikes}
        onChange={(e) => setDislikes(e.currentTarget.value)}
      />
      <Textarea
        label="Who knows them well"
        autosize
        minRows={2}
        value={knowsThemWell}
        onChange={(e) => setKnows(e.currentTarget.value)}
      />
      <Select
        label="Are their rights being upheld?"
        data={rightsUpheldAnswers.map((r) => ({ value: r, label: rightsUpheldLabels[r] }))}
        value={rightsUpheld}
        allowDeselect={false}
        onChange={(v) => v && setRights(v as RightsUpheld)}
        style={{ maxWidth: 260 }}
      />
      <Textarea
        label="What you saw about their rights"
        autosize
        minRows={2}
        value={rightsNotes}
        onChange={(e) => setRightsNotes(e.currentTarget.value)}
      />
      <IssuePicker issues={issues} value={issueIds} onChange={setIssueIds} />
    </RecordForm>
  );
}
