import { Alert, Autocomplete, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import { systemicAreaLabels, systemicAreas, type SystemicArea } from '../../../../shared/domain/equality';
import type { SystemicIssue } from '../../../../shared/ipc/systemic-issues';
import { errorMessage, send } from '../../api/client';
import { DateField, notFuture } from '../shell/DateField';
import { ConfirmModal } from '../shell/ConfirmModal';
import { EmptyState } from '../shell/EmptyState';

const areaOptions = systemicAreas.map((a) => ({ value: a, label: systemicAreaLabels[a] }));

/**
 * The systemic issues raised from this case: wider problems (a team's turnover, a gap in
 * provision) that the quarterly report groups by area and counts cases behind.
 */
export function SystemicIssuesTab({ caseId }: { caseId: string }) {
  const [entries, setEntries] = useState<SystemicIssue[] | null>(null);
  const [suggestions, setSuggestions] = useState<Array<{ area: SystemicArea; issue: string }>>([]);
  const [editing, setEditing] = useState<Partial<SystemicIssue> | null>(null);
  const [removing, setRemoving] = useState<SystemicIssue | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    send('systemicIssues.list', { caseId })
      .then(setEntries)
      .catch((e: unknown) => setProblem(errorMessage(e)));
    send('systemicIssues.suggestions', {})
      .then(setSuggestions)
      .catch(() => setSuggestions([]));
  }, [caseId]);
  useEffect(load, [load]);

  const save = async () => {
    if (!editing) return;
    try {
      await send('systemicIssues.save', {
        ...(editing.id ? { id: editing.id } : {}),
        caseId,
        area: (editing.area ?? '') as SystemicArea,
        issue: editing.issue ?? '',
        detail: editing.detail ?? '',
        raisedOn: editing.raisedOn ?? '',
      });
      setEditing(null);
      setProblem(null);
      load();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const remove = async (entry: SystemicIssue) => {
    try {
      await send('systemicIssues.remove', { id: entry.id });
      setRemoving(null);
      load();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  const words = [...new Set(suggestions.filter((s) => !editing?.area || s.area === editing.area).map((s) => s.issue))];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Systemic issues
        </Title>
        <Button onClick={() => setEditing({ raisedOn: todayIso() })} disabled={editing !== null}>
          Mark a wider issue
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Something on this case that is wider than this young person, for the quarterly report. Describe the issue, not
        the child: the report shows the words and how many cases raised them.
      </Text>
      {problem ? <Alert color="red">{problem}</Alert> : null}
      {editing ? (
        <Paper
          withBorder
          p="md"
          component="form"
          aria-label="Systemic issue"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack>
            <Select
              label="Area"
              required
              data={areaOptions}
              value={editing.area ?? null}
              onChange={(v) => setEditing({ ...editing, area: (v ?? undefined) as SystemicArea | undefined })}
            />
            <Autocomplete
              label="Issue"
              required
              description="A short line, in the same words as other advocates where it is the same issue (e.g. “high turnover in the 16-plus team”)."
              data={words}
              value={editing.issue ?? ''}
              onChange={(v) => setEditing({ ...editing, issue: v })}
            />
            <Textarea
              label="Detail"
              autosize
              minRows={2}
              value={editing.detail ?? ''}
              onChange={(e) => setEditing({ ...editing, detail: e.currentTarget.value })}
            />
            <DateField
              label="Date"
              required
              value={editing.raisedOn || null}
              notAfter={notFuture("A systemic issue can't be raised on a date in the future.")}
              onChange={(v) => setEditing({ ...editing, raisedOn: v ?? '' })}
            />
            <Group>
              <Button type="submit">Save systemic issue</Button>
              <Button variant="default" onClick={() => setEditing(null)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {entries && entries.length === 0 && !editing ? (
        <EmptyState
          title="No systemic issues from this case"
          next="If this case shows a problem that affects other children too, mark it as a wider issue so it reaches the quarterly report."
        />
      ) : null}
      {(entries ?? []).map((entry) => (
        <Paper key={entry.id} withBorder p="md" data-testid="systemic-issue">
          <Group justify="space-between">
            <Text fw={600}>{entry.issue}</Text>
            <Badge variant="light">{systemicAreaLabels[entry.area]}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Raised {formatUkDate(entry.raisedOn)}
          </Text>
          {entry.detail ? <Text size="sm">{entry.detail}</Text> : null}
          <Group mt="xs">
            <Button variant="subtle" size="xs" onClick={() => setEditing(entry)} disabled={editing !== null}>
              Edit
            </Button>
            <Button variant="subtle" size="xs" color="red" onClick={() => setRemoving(entry)}>
              Remove
            </Button>
          </Group>
        </Paper>
      ))}
      <ConfirmModal
        opened={removing !== null}
        title="Remove this systemic issue?"
        body="It will no longer be counted in reports."
        confirm="Remove"
        danger
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Stack>
  );
}
