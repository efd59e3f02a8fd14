import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import {
  safeguardingFieldLabels,
  type Amendment,
  type PersonTold,
  type SafeguardingRecord,
} from '../../../../shared/domain/fieldwork-safeguarding';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { formatUkDateTime } from './format';
import { Section } from './record-parts';
import { announceSafeguardingChanged } from './SafeguardingFlag';
import { SafeguardingForm } from './SafeguardingForm';

const toldText = (t: PersonTold): string => `${t.name}, ${t.role}, ${formatUkDateTime(t.toldAt)}`;
const valueText = (v: unknown): string =>
  Array.isArray(v)
    ? (v as PersonTold[]).map(toldText).join('; ') || 'nobody'
    : typeof v === 'string'
      ? /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)
        ? formatUkDateTime(v)
        : v
      : String(v);

/** Safeguarding records for the case. They can be amended (with a reason) but never deleted. */
export function SafeguardingTab({ caseId }: { caseId: string }) {
  const [records, setRecords] = useState<SafeguardingRecord[]>([]);
  const [editing, setEditing] = useState<SafeguardingRecord | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(
    () => send('fieldwork.safeguarding.list', { caseId }).then(setRecords, (e: unknown) => setError(errorMessage(e))),
    [caseId],
  );
  useEffect(() => void reload(), [reload]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Safeguarding
        </Title>
        <Button color="red" onClick={() => setEditing('new')}>
          Record a safeguarding concern
        </Button>
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      {editing ? (
        <SafeguardingForm
          key={editing === 'new' ? 'new' : editing.id}
          caseId={caseId}
          record={editing === 'new' ? undefined : editing}
          onDone={() => {
            setEditing(null);
            announceSafeguardingChanged(caseId);
            void reload();
          }}
        />
      ) : null}
      {records.length === 0 && !editing ? (
        <EmptyState
          title="No safeguarding records"
          next="If you share information without the young person's consent because someone is at risk, record it here: what was said, your decision and why, who you told and what happened."
        />
      ) : null}
      {records.map((r) => (
        <RecordCard key={r.id} record={r} onAmend={() => setEditing(r)} />
      ))}
    </Stack>
  );
}

function RecordCard({ record: r, onAmend }: { record: SafeguardingRecord; onAmend: () => void }) {
  const [history, setHistory] = useState<Amendment[] | null>(null);
  return (
    <Paper withBorder p="md" style={{ borderLeft: '4px solid var(--mantine-color-red-7)' }}>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>Disclosed {formatUkDateTime(r.disclosedAt)}</Text>
          <Badge color={r.status === 'open' ? 'red' : 'gray'}>{r.status === 'open' ? 'Open' : 'Closed'}</Badge>
        </Group>
        <Group gap="xs">
          {r.amendmentCount > 0 ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => void send('fieldwork.safeguarding.history', { id: r.id }).then(setHistory)}
            >
              {r.amendmentCount === 1 ? 'Show 1 amendment' : `Show ${r.amendmentCount} amendments`}
            </Button>
          ) : null}
          <Button size="xs" variant="default" onClick={onAmend}>
            Amend
          </Button>
        </Group>
      </Group>
      <Stack gap="xs" mt="xs">
        <Section title="What was disclosed (their words)" text={r.disclosure} />
        <Section title="Decision" text={r.decision} />
        <Section title="Reason" text={r.reason} />
        <Section title="Who was told" text={r.told.map(toldText).join('\n')} />
        <Section title="Outcome" text={r.outcome} />
        <Text size="xs" c="dimmed">
          Recorded {formatUkDateTime(r.recordedAt)}
        </Text>
      </Stack>
      {history ? (
        <Stack gap="xs" mt="sm">
          <Title order={3} size="h6">
            Amendments
          </Title>
          {history.map((a) => (
            <Paper key={a.id} withBorder p="xs">
              <Text size="sm" fw={600}>
                {formatUkDateTime(a.amendedAt)}: {a.reason}
              </Text>
              <List size="sm">
                {a.changes.map((c) => (
                  <List.Item key={c.field}>
                    {safeguardingFieldLabels[c.field]}: was “{valueText(c.before)}”, now “{valueText(c.after)}”
                  </List.Item>
                ))}
              </List>
            </Paper>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
