import { Alert, Button, Paper, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Route, Routes } from 'react-router';
import { announce } from '../../api/events';
import { PageHeader } from '../shell/PageHeader';
import { OwnKeyNotice } from '../laptops/OwnKeyNotice';
import { ConflictsPage } from './ConflictsPage';
import { ConnectForm } from './ConnectForm';
import { ConversionNotice } from './ConversionNotice';
import { StatusCard } from './StatusCard';
import { useSyncStatus } from './useSyncStatus';

/** The Sync screen and its conflicts screen (routes under /sync). */
export function SyncRoutes() {
  return (
    <Routes>
      <Route index element={<SyncPage />} />
      <Route path="conflicts" element={<ConflictsPage />} />
    </Routes>
  );
}

export function SyncPage() {
  const { status, progress, refresh } = useSyncStatus();
  const connected = status === null ? null : status.connected;
  // Only when the connection changes: later status refreshes must not overwrite 'sync-done'.
  useEffect(() => {
    if (connected !== null) announce(connected ? 'sync-status-connected' : 'sync-status-not-connected');
  }, [connected]);
  return (
    <>
      <PageHeader title="Sync" description="Send your records to your service and receive your allocated cases." />
      <Stack maw={640}>
        {status === null ? null : status.connected ? (
          <>
            <OwnKeyNotice refreshKey={status} />
            <Paper withBorder p="md">
              <StatusCard status={status} progress={progress} onSynced={refresh} />
            </Paper>
            {status.conversion ? <ConversionNotice conversion={status.conversion} /> : null}
            {status.role !== 'advocate' ? (
              <Button component={Link} to="/laptops" variant="default" w="fit-content">
                Laptops and keys
              </Button>
            ) : null}
          </>
        ) : (
          <>
            <Alert color="gray">
              Not connected to a service. Until you connect, everything stays on this computer.
            </Alert>
            <Paper withBorder p="md">
              <ConnectForm onConnected={refresh} />
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
