import { Badge } from '@mantine/core';
import { useSyncStatus } from './useSyncStatus';

/** A count of conflicts waiting for a person, shown beside "Sync" in the navigation. */
export function SyncBadge() {
  const { status } = useSyncStatus();
  if (!status?.conflicts) return null;
  const n = status.conflicts;
  return (
    <Badge color="red" size="sm" circle={n < 10} aria-label={`${n} sync conflict${n === 1 ? '' : 's'} to resolve`} data-testid="sync-conflict-badge">
      {n}
    </Badge>
  );
}
