import { Alert, Paper, Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { useSyncStatus } from '../sync/useSyncStatus';
import { IssueCodeCard } from './IssueCodeCard';
import { LaptopTable } from './LaptopTable';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { RestoreCard } from './RestoreCard';
import { useLaptops } from './useLaptops';
import { WaitingLaptops } from './WaitingLaptops';

/** The managers' Laptops screen (/laptops): who is connected, codes for new laptops, approvals and keys. */
export function LaptopsPage() {
  const { status } = useSyncStatus();
  if (status === null) return null;
  if (!status.connected || status.role === 'advocate') {
    return (
      <>
        <PageHeader title="Laptops" description="Your service’s laptops and their keys." />
        <EmptyState
          title="For managers only"
          next="This screen is for managers of a connected service. Connect from the Sync screen with a manager’s code."
        />
      </>
    );
  }
  return <ManagerLaptops />;
}

function ManagerLaptops() {
  const { list, problem, reload } = useLaptops();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [holdsKey, setHoldsKey] = useState(true);
  const refresh = useCallback(() => {
    reload();
    send('laptops.recoveryKey', {}).then(
      (r) => setRecoveryKey(r.key),
      () => {},
    );
    send('laptops.ownKey', {}).then(
      (k) => setHoldsKey(k.mode !== 'waiting'),
      () => {},
    );
  }, [reload]);
  useEffect(refresh, [refresh]);
  const printed = () => send('laptops.recoveryKeyPrinted', {}).then(refresh, () => {});
  const waiting = list?.laptops.filter((l) => l.waiting) ?? [];
  return (
    <>
      <PageHeader
        title="Laptops"
        description="Connect new laptops, give them your organisation’s key, and disconnect lost ones."
      />
      <Stack maw={960}>
        {problem ? (
          <Alert color="yellow">{problem} Check this laptop is online, then open this screen again.</Alert>
        ) : null}
        {list?.recoveryKeyProblem ? <Alert color="red">{list.recoveryKeyProblem}</Alert> : null}
        {recoveryKey ? (
          <Paper withBorder p="md">
            <RecoveryKeyCard recoveryKey={recoveryKey} onPrinted={printed} />
          </Paper>
        ) : null}
        {!holdsKey ? (
          <Paper withBorder p="md">
            <RestoreCard onRestored={refresh} />
          </Paper>
        ) : null}
        {list ? (
          <>
            <Paper withBorder p="md">
              <IssueCodeCard users={list.users} />
            </Paper>
            {waiting.length ? (
              <Paper withBorder p="md">
                <WaitingLaptops laptops={waiting} onChanged={refresh} />
              </Paper>
            ) : null}
            <Paper withBorder p="md">
              <LaptopTable laptops={list.laptops} onChanged={refresh} />
            </Paper>
          </>
        ) : null}
      </Stack>
    </>
  );
}
