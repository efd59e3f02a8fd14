import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { todayIso } from '../../../../shared/domain/dates';
import {
  attendanceLabels,
  attendanceValues,
  viewsPresentedLabels,
  viewsPresentedValues,
  wishesReflectedLabels,
  wishesReflectedValues,
  type Attendance,
  type ViewsPresented,
  type WishesReflected,
} from '../../../../shared/domain/meetings';
import type { Debrief, MeetingDetail } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';

interface ActionRow {
  text: string;
  who: string;
  due: string | null;
}

/** After the meeting: what happened to the young person's voice, and what was decided. */
export function DebriefForm({ detail, onSaved }: { detail: MeetingDetail; onSaved: (d: Debrief) => void }) {
  const d = detail.debrief;
  const [attended, setAttended] = useState<Attendance | null>(d?.attended ?? null);
  const [viewsPresented, setViewsPresented] = useState<ViewsPresented | null>(d?.viewsPresented ?? null);
  const [decisions, setDecisions] = useState(d?.decisions ?? '');
  const [wishes, setWishes] = useState<WishesReflected | null>(d?.wishesReflected ?? null);
  const [actions, setActions] = useState<ActionRow[]>(
    (d?.actions ?? []).map((a) => ({ text: a.text, who: a.who ?? '', due: a.due ?? null })),
  );
  const [moved, setMoved] = useState<Record<string, string>>(
    Object.fromEntries((d?.issuesMoved ?? []).map((m) => [m.issueId, m.note ?? ''])),
  );
  const [debriefedOn, setDebriefedOn] = useState<string | null>(d?.debriefedOn ?? todayIso());
  const dates = useDateProblems();
  const [notes, setNotes] = useState(d?.notes ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const on = debriefedOn;
    if (dates.first || !on) {
      setMessage(dates.first ? `A date needs correcting: ${dates.first}` : 'Enter the date of the debrief.');
      return;
    }
    setBusy(true);
    try {
      const saved = await send('meetings.saveDebrief', {
        meetingId: detail.meeting.id,
        attended,
        viewsPresented,
        decisions,
        wishesReflected: wishes,
        actions: actions.filter((a) => a.text.trim()).map((a) => ({ text: a.text, who: a.who || null, due: a.due })),
        issuesMoved: Object.entries(moved).map(([issueId, note]) => ({ issueId, note: note || null })),
        debriefedOn: on,
        notes,
      });
      setMessage('Debrief saved.');
      onSaved(saved);
    } catch (e) {
      setMessage(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">
          Debrief
        </Title>
        <Radio.Group
          label="Did the young person attend?"
          value={attended ?? ''}
          onChange={(v) => setAttended(v as Attendance)}
        >
          <Group mt="xs">
            {attendanceValues.map((v) => (
              <Radio key={v} value={v} label={attendanceLabels[v]} />
            ))}
          </Group>
        </Radio.Group>
        <Select
          label="How were their views presented?"
          data={viewsPresentedValues.map((v) => ({ value: v, label: viewsPresentedLabels[v] }))}
          value={viewsPresented}
          onChange={(v) => setViewsPresented(v as ViewsPresented | null)}
          clearable
        />
        <Textarea
          label="Decisions made"
          autosize
          minRows={3}
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
        />
        <Radio.Group
          label="Did the decision reflect their wishes?"
          value={wishes ?? ''}
          onChange={(v) => setWishes(v as WishesReflected)}
        >
          <Group mt="xs">
            {wishesReflectedValues.map((v) => (
              <Radio key={v} value={v} label={wishesReflectedLabels[v]} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap="xs">
          <Text fw={500} size="sm">
            Actions agreed
          </Text>
          {actions.map((a, i) => (
            <Group key={i} align="flex-end" wrap="nowrap">
              <TextInput
                label={`Action ${i + 1}`}
                value={a.text}
                onChange={(e) =>
                  setActions(actions.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)))
                }
                style={{ flex: 3 }}
              />
              <TextInput
                label="Who"
                value={a.who}
                onChange={(e) =>
                  setActions(actions.map((x, j) => (j === i ? { ...x, who: e.currentTarget.value } : x)))
                }
                style={{ flex: 1 }}
              />
              <DateField
                label={`By when (action ${i + 1})`}
                value={a.due}
                onChange={(v) => setActions((list) => list.map((x, j) => (j === i ? { ...x, due: v } : x)))}
                onProblem={dates.on(`due${i}`)}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove action ${i + 1}`}
                onClick={() => setActions(actions.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => setActions([...actions, { text: '', who: '', due: null }])}
          >
            Add an action
          </Button>
        </Stack>
        {detail.issues.length > 0 ? (
          <Stack gap="xs">
            <Text fw={500} size="sm">
              Which of the case’s issues moved forward?
            </Text>
            {detail.issues.map((issue) => (
              <Stack key={issue.id} gap={4}>
                <Checkbox
                  label={issue.description ? `${issue.code}: ${issue.description}` : issue.code}
                  checked={issue.id in moved}
                  onChange={(e) => {
                    const next = { ...moved };
                    if (e.currentTarget.checked) next[issue.id] = '';
                    else delete next[issue.id];
                    setMoved(next);
                  }}
                />
                {issue.id in moved ? (
                  <TextInput
                    ml="xl"
                    label="How it moved"
                    value={moved[issue.id]}
                    onChange={(e) => setMoved({ ...moved, [issue.id]: e.currentTarget.value })}
                  />
                ) : null}
              </Stack>
            ))}
          </Stack>
        ) : null}
        <Group grow align="flex-start">
          <DateField
            label="Debrief date"
            value={debriefedOn}
            onChange={setDebriefedOn}
            onProblem={dates.on('debriefedOn')}
            notAfter={notFuture("A debrief can't be dated in the future.")}
          />
        </Group>
        <Textarea
          label="Notes from the debrief"
          autosize
          minRows={2}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group>
          <Button onClick={() => void save()} loading={busy}>
            Save debrief
          </Button>
          <Text size="sm" aria-live="polite">
            {message}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
