import { Alert, Badge, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../../shared/ipc/sync';
import { clockSkewWarning } from '../../../../shared/sync/clock-skew';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { syncProblemText } from './status-text';
import { formatSyncedAt, type SyncProgress } from './useSyncStatus';

/** Where this computer stands with the service: last sync, what is waiting, progress, conflicts. */
export function StatusCard({
  status,
  progress,
  onSynced,
}: {
  status: SyncStatus;
  progress: SyncProgress | null;
  onSynced: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const syncNow = async () => {
    setBusy(true);
    setError(null);
    try {
      await send('sync.now', {});
      announce('sync-done');
    } catch (err) {
      setError(errorMessage(err));
      announce('sync-failed');
    } finally {
      setBusy(false);
      onSynced();
    }
  };
  // A failure of the button's own sync is always a failure; the stored message may be a notice.
  const problem = error ? syncProblemText(error, 'failed') : syncProblemText(status.lastError, status.lastErrorKind);
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {status.organisationName}
      </Title>
      <Text size="sm">
        Signed in as {status.userName} ({status.role}). Service: {status.serviceUrl}
      </Text>
      <Text size="sm" data-testid="sync-last-synced">
        {status.lastSyncedAt ? `Last synced ${formatSyncedAt(status.lastSyncedAt)}.` : 'Not synced yet.'}
      </Text>
      <Text size="sm" data-testid="sync-waiting">
        {status.waiting === 0
          ? 'No changes waiting to be sent.'
          : `${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting to be sent.`}
      </Text>
      {progress ? (
        <div>
          <Text size="sm">{progress.label}…</Text>
          <Progress value={pct} aria-label={`${progress.label}: ${pct}%`} animated />
        </div>
      ) : null}
      {clockSkewWarning(status.clockOffsetMs) ? (
        <Alert color="orange" title="Check this computer's clock" role="alert" data-testid="sync-clock-warning">
          {clockSkewWarning(status.clockOffsetMs)}
        </Alert>
      ) : null}
      {problem ? (
        <Alert color="yellow" role="status" data-testid="sync-problem">
          {problem}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={syncNow} loading={busy}>
          Sync now
        </Button>
        {status.conflicts > 0 ? (
          <Button
            component={Link}
            to="/sync/conflicts"
            variant="default"
            rightSection={<Badge color="red">{status.conflicts}</Badge>}
          >
            Resolve conflicts
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
