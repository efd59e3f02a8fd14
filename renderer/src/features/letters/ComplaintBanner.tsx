import { Stack } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/ipc/letters';
import type { AppEvent } from '../../../../shared/ipc/events';
import { send } from '../../api/client';
import { useAppEvents } from '../../api/events';
import { NextStepAlert } from './NextStepAlert';

/** On the case page: any complaint the council has let run past its statutory time limit. */
export function ComplaintBanner({ caseId }: { caseId: string }) {
  const [overdue, setOverdue] = useState<Complaint[]>([]);
  const load = useCallback(() => {
    send('complaints.forCase', { caseId })
      .then((all) => setOverdue(all.filter((c) => c.overdue)))
      .catch(() => setOverdue([]));
  }, [caseId]);
  useEffect(load, [load]);
  // Recording a response in the Complaints tab clears the banner without leaving the page.
  useAppEvents(useCallback((e: AppEvent) => e.type === 'changed' && e.entity === 'complaint' && load(), [load]));
  if (overdue.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {overdue.map((c) => (
        <NextStepAlert key={c.id} complaint={c} />
      ))}
    </Stack>
  );
}
