import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '../../../../shared/domain/dates';
import type { Meeting } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { meetingPath } from './format';
import { MeetingForm } from './MeetingForm';
import { MeetingList } from './MeetingList';

type Measures = Awaited<ReturnType<typeof send<'meetings.outcomes'>>>;

/** The Meetings tab on a case page: upcoming and past meetings, and how the young person's voice fared. */
export function CaseMeetingsTab({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [measures, setMeasures] = useState<Measures | null>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    Promise.all([send('meetings.forCase', { caseId }), send('meetings.outcomes', { caseId })])
      .then(([m, o]) => {
        setMeetings(m);
        setMeasures(o);
      })
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [caseId]);
  useEffect(load, [load]);

  const today = todayIso();
  const upcoming = (meetings ?? []).filter((m) => m.date >= today);
  const past = (meetings ?? []).filter((m) => m.date < today).reverse();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Meetings
        </Title>
        <Button onClick={() => setAdding(true)}>Add a meeting</Button>
      </Group>
      {problem ? <Text c="red.8">{problem}</Text> : null}
      {meetings && meetings.length === 0 ? (
        <EmptyState
          title="No meetings yet"
          next="Add the next conference, review or assessment so you can prepare the young person’s views for it."
        />
      ) : null}
      {upcoming.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Coming up
          </Title>
          <MeetingList meetings={upcoming} showCase={false} />
        </Paper>
      ) : null}
      {past.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Earlier
          </Title>
          <MeetingList meetings={past} showCase={false} />
        </Paper>
      ) : null}
      {measures && measures.meetings > 0 ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            Their voice in meetings
          </Title>
          <Text size="sm">
            Debriefed meetings: {measures.meetings}. Took part: {measures.tookPart}. Views heard: {measures.viewsHeard}.
            Decision reflected their wishes: {measures.outcome.yes} fully, {measures.outcome.partly} partly.
          </Text>
        </Paper>
      ) : null}
      {adding ? (
        <MeetingForm
          opened
          caseId={caseId}
          onClose={() => setAdding(false)}
          onSaved={(m) => navigate(meetingPath(m.id))}
        />
      ) : null}
    </Stack>
  );
}
