import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { stageLabels } from '../../../../shared/domain/complaint-deadlines';
import type { OverdueComplaint } from '../../../../shared/ipc/letters';
import { send } from '../../api/client';
import { NextStepAlert } from './NextStepAlert';

/** Today screen: complaints past a statutory due date, with the next step and its letter. */
export function OverdueComplaintsPanel() {
  const [items, setItems] = useState<OverdueComplaint[] | null>(null);
  useEffect(() => {
    send('complaints.overdue', {})
      .then(setItems)
      .catch(() => setItems([]));
  }, []);
  if (!items) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="overdue-complaints-title">
      <Title order={2} size="h4" mb="xs" id="overdue-complaints-title">
        Complaint deadlines missed
      </Title>
      {items.length === 0 ? (
        <Text size="sm">No council has missed a complaint deadline.</Text>
      ) : (
        <Stack gap="xs">
          {items.map((c) => (
            <div key={c.id}>
              <Anchor component={Link} to={`/caseload/${c.caseId}?tab=complaints`} size="sm">
                {c.caseLabel ? `${c.caseLabel.name} (${c.caseLabel.reference})` : 'Case'}: {stageLabels[c.stage]}
              </Anchor>
              <NextStepAlert complaint={c} mt={4} />
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
