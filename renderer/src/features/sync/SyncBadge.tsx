import { Badge } from '@mantine/core';
import { clockSkewFlag } from '../../../../shared/sync/clock-skew';
import { useSyncStatus } from './useSyncStatus';

/**
 * Beside "Sync" in the navigation: the count of conflicts waiting for a person, or else a mark
 * when this computer's clock is more than a day off (the Sync screen says what to do).
 */
export function SyncBadge() {
  const { status } = useSyncStatus();
  if (!status?.conflicts) {
    if (!status || !clockSkewFlag(status.clockOffsetMs)) return null;
    return (
      <Badge color="orange" size="sm" circle aria-label="This computer's clock is wrong" data-testid="sync-clock-badge">
        !
      </Badge>
    );
  }
  const n = status.conflicts;
  return (
    <Badge
      color="red"
      size="sm"
      circle={n < 10}
      aria-label={`${n} sync conflict${n === 1 ? '' : 's'} to resolve`}
      data-testid="sync-conflict-badge"
    >
      {n}
    </Badge>
  );
}
