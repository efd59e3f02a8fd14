import { Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Complaint } from '../../../../shared/ipc/letters';
import { send } from '../../api/client';
import { NextStepAlert } from './NextStepAlert';

/** On the case page: any complaint the council has let run past its statutory time limit. */
export function ComplaintBanner({ caseId }: { caseId: string }) {
  const [overdue, setOverdue] = useState<Complaint[]>([]);
  useEffect(() => {
    let live = true;
    send('complaints.forCase', { caseId })
      .then((all) => live && setOverdue(all.filter((c) => c.overdue)))
      .catch(() => live && setOverdue([]));
    return () => {
      live = false;
    };
  }, [caseId]);
  if (overdue.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {overdue.map((c) => (
        <NextStepAlert key={c.id} complaint={c} />
      ))}
    </Stack>
  );
}
