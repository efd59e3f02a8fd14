import { Alert, Code, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { send } from '../../api/client';

/**
 * On the Sync screen of a laptop waiting for its organisation's key: the code a manager compares
 * with the one on their Laptops screen before giving it the key.
 */
export function OwnKeyNotice({ refreshKey }: { refreshKey: unknown }) {
  const [own, setOwn] = useState<{ fingerprint: string | null; mode: string } | null>(null);
  useEffect(() => {
    send('laptops.ownKey', {}).then(setOwn, () => setOwn(null));
  }, [refreshKey]);
  if (!own || own.mode !== 'waiting') return null;
  return (
    <Alert color="blue" title="Waiting for a manager" data-testid="own-key-notice">
      <Text size="sm">
        Your service encrypts its records, and this laptop has not been given the key yet. Your changes are kept here
        until it has. If your manager asks, this laptop’s code is:
      </Text>
      <Code fz="xl">{own.fingerprint ?? 'not made yet: press Sync now'}</Code>
    </Alert>
  );
}
