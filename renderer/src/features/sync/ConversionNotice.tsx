import { Alert } from '@mantine/core';
import type { SyncStatus } from '../../../../shared/ipc/sync';
import { formatUkDateTime } from '../data-protection/labels';

/**
 * On a manager's laptop, after it sealed what the service held from before encryption: how many
 * values it sealed and how many plain copies the service removed, so the manager can tell the
 * service's commissioners the plaintext is gone (or that Heard is still at it).
 */
export function ConversionNotice({ conversion }: { conversion: NonNullable<SyncStatus['conversion']> }) {
  const { converted, removed, remaining, done, at } = conversion;
  if (done) {
    return (
      <Alert color="green" title="The service's records are sealed">
        On {formatUkDateTime(at)} this computer sealed {converted.toLocaleString('en-GB')} value
        {converted === 1 ? '' : 's'} the service held from before encryption, and the service removed{' '}
        {removed.toLocaleString('en-GB')} plain cop{removed === 1 ? 'y' : 'ies'}. The service now holds no readable
        record.
      </Alert>
    );
  }
  return (
    <Alert color="yellow" title="Sealing the service's records">
      So far {converted.toLocaleString('en-GB')} value{converted === 1 ? '' : 's'} sealed and{' '}
      {removed.toLocaleString('en-GB')} plain cop
      {removed === 1 ? 'y' : 'ies'} removed. {remaining.toLocaleString('en-GB')} still wait{remaining === 1 ? 's' : ''},
      usually an edit not yet sent from this or another computer; Heard carries on at the next sync.
    </Alert>
  );
}
