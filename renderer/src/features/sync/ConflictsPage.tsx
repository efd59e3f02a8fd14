import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { SyncConflict } from '../../../../shared/ipc/sync';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { humanise, reasonText, valueText } from './conflict-text';

/** Conflicts kept by sync, each shown with both versions for a person to choose or merge. */
export function ConflictsPage() {
  const [conflicts, setConflicts] = useState<SyncConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback((state = 'sync-conflicts-loaded') => {
    send('sync.conflicts', {}).then(
      (c) => {
        setConflicts(c);
        announce(state);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(() => load(), [load]);

  return (
    <>
      <PageHeader
        title="Sync conflicts"
        description="Changes that could not both be kept. Nothing has been lost: choose what the record should say."
      />
      {error ? (
        <Alert color="red" role="alert" mb="md">
          {error}
        </Alert>
      ) : null}
      {conflicts && conflicts.length === 0 ? (
        <EmptyState title="No conflicts" next="Everything you and your colleagues changed has been combined." />
      ) : null}
      <Stack>
        {conflicts?.map((c) => (
          <ConflictCard key={c.id} conflict={c} onResolved={() => load('sync-conflict-resolved')} onError={setError} />
        ))}
      </Stack>
    </>
  );
}

function ConflictCard({
  conflict: c,
  onResolved,
  onError,
}: {
  conflict: SyncConflict;
  onResolved: () => void;
  onError: (e: string) => void;
}) {
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(() => (typeof c.keptValue === 'string' ? c.keptValue : valueText(c.keptValue)));
  const [busy, setBusy] = useState(false);
  const title = `${humanise(c.entity)}: ${humanise(c.field)}`;
  const resolve = async (choice: 'kept' | 'edit' | 'merged') => {
    setBusy(true);
    try {
      await send('sync.resolve', { id: c.id, choice, ...(choice === 'merged' ? { merged } : {}) });
      onResolved();
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // An edit that met a deletion: the choice is whether the record comes back, so the buttons say so.
  const deleted = c.reason === 'deleted';
  const editLabel = c.mine ? 'Your change (from this computer)' : 'The other change';
  const keptLabel = c.mine ? 'Kept on the service' : 'Current value';
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {reasonText[c.reason] ?? 'These changes could not both be kept.'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text fw={600} size="sm">
              {keptLabel}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {valueText(c.keptValue)}
            </Text>
          </div>
          <div>
            <Text fw={600} size="sm">
              {editLabel}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {valueText(c.editValue)}
            </Text>
          </div>
        </SimpleGrid>
        {merging ? (
          <Textarea
            label="Merged text"
            autosize
            minRows={3}
            value={merged}
            onChange={(e) => setMerged(e.currentTarget.value)}
          />
        ) : null}
        <Group>
          <Button variant="default" disabled={busy} onClick={() => void resolve(c.mine ? 'edit' : 'kept')}>
            {deleted
              ? c.mine
                ? 'Bring it back with my change'
                : 'Keep it deleted'
              : c.mine
                ? 'Keep mine'
                : 'Keep current'}
          </Button>
          <Button variant="default" disabled={busy} onClick={() => void resolve(c.mine ? 'kept' : 'edit')}>
            {deleted
              ? c.mine
                ? 'Keep it deleted'
                : 'Bring it back with the other change'
              : c.mine
                ? 'Keep theirs'
                : 'Use the other change'}
          </Button>
          {merging ? (
            <Button disabled={busy} onClick={() => void resolve('merged')}>
              Save merged text
            </Button>
          ) : typeof c.keptValue === 'string' || c.keptValue === null ? (
            <Button variant="default" onClick={() => setMerging(true)}>
              Edit a merged text
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
