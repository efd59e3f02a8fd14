import { Alert, Button } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import { send } from '../../api/client';

/**
 * Shown on the set-up screen after the service revoked or wiped this computer, so the person
 * knows why their records are gone (the records themselves are never mentioned).
 */
export function SyncNotice() {
  const [notice, setNotice] = useState<{ kind: string; message: string; at: string } | null>(null);
  useEffect(() => {
    send('sync.notice', {}).then(setNotice, () => setNotice(null));
  }, []);
  if (!notice) return null;
  return (
    <Alert
      color="orange"
      role="alert"
      title={notice.kind === 'wiped' ? 'Records removed from this computer' : 'This computer was disconnected'}
    >
      {notice.message} This happened on {formatUkDate(notice.at)}. If you did not expect this, contact your manager.
      <div>
        <Button
          size="xs"
          variant="default"
          mt="xs"
          onClick={() => void send('sync.dismissNotice', {}).then(() => setNotice(null))}
        >
          Dismiss
        </Button>
      </div>
    </Alert>
  );
}
