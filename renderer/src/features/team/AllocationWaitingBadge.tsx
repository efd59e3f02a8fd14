import { Badge } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { send } from '../../api/client';
import { useAppEvents } from '../../api/events';

/**
 * Beside a case's status on a manager's laptop: the allocation made here has not reached the
 * service yet, so the advocate's laptop does not have the case. Gone once the service has it.
 */
export function AllocationWaitingBadge({ caseId }: { caseId: string }) {
  const [waiting, setWaiting] = useState(false);
  const load = useCallback(() => {
    send('team.allocationWaiting', { caseId }).then(
      (r) => setWaiting(r.waiting),
      () => setWaiting(false),
    );
  }, [caseId]);
  useEffect(load, [load]);
  useAppEvents(useCallback((e) => e.type === 'changed' && load(), [load]));
  if (!waiting) return null;
  return (
    <Badge color="yellow" variant="outline" data-testid="allocation-waiting-badge">
      Allocation waiting to send
    </Badge>
  );
}
