import { Button, CopyButton, Group, Paper, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { IntakeStatus } from '../../../../shared/ipc/intake';
import { send } from '../../api/client';

/**
 * Today screen, managers only: the address of the organisation's online referral page, to give
 * to social workers, carers and young people, or what still has to happen before it opens.
 */
export function OnlineReferralsPanel() {
  const [status, setStatus] = useState<IntakeStatus | null>(null);
  useEffect(() => {
    send('intake.status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);
  if (!status || status.state === 'not_connected' || status.state === 'not_manager') return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Online referrals">
      <Title order={2} size="h4" mb="xs">
        Online referrals
      </Title>
      {status.pageUrl ? (
        <>
          <Text size="sm">
            Social workers, carers and young people can refer at this address. Referrals arrive in triage, marked
            Online, when you sync.
          </Text>
          <Group mt="xs" gap="sm">
            <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }} data-testid="referral-page-url">
              {status.pageUrl}
            </Text>
            <CopyButton value={status.pageUrl}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy the address'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      ) : status.state === 'wrong_key' ? (
        <Text size="sm" c="red.8" role="alert">
          Do not give out the referral page or feedback links for now: the service&apos;s page is sealing forms to a key
          that is not your organisation&apos;s, so someone else may read them. Tell your data protection lead and
          whoever runs the service, then sync again.
        </Text>
      ) : (
        <Text size="sm">
          The referral page opens after this computer holds the organisation&apos;s key and has synced once. Sync now,
          or ask the manager who set up the service.
        </Text>
      )}
    </Paper>
  );
}
