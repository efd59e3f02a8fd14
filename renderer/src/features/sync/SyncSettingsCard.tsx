import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ConnectForm } from './ConnectForm';
import { formatSyncedAt, useSyncStatus } from './useSyncStatus';

/** Settings → Service: connect with an enrolment code, or see which service this computer syncs with. */
export function SyncSettingsCard() {
  const { status, refresh } = useSyncStatus();
  if (!status) return null;
  return (
    <Paper withBorder p="md">
      {status.connected ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Service
          </Title>
          <Text size="sm">
            Connected to {status.organisationName} ({status.serviceUrl}) as {status.userName}.
          </Text>
          <Text size="sm">
            {status.lastSyncedAt ? `Last synced ${formatSyncedAt(status.lastSyncedAt)}.` : 'Not synced yet.'}
          </Text>
          <Anchor component={Link} to="/sync" size="sm">
            Sync status and conflicts
          </Anchor>
        </Stack>
      ) : (
        <ConnectForm onConnected={refresh} />
      )}
    </Paper>
  );
}
