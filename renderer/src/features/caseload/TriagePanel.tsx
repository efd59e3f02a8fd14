import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { send } from '../../api/client';

/** Today screen: how many referrals are waiting for an advocate, and how many of them are urgent. */
export function TriagePanel() {
  const [waiting, setWaiting] = useState<{ all: number; urgent: number; longest: number | null } | null>(null);
  useEffect(() => {
    send('caseload.triage', {})
      .then((rows) =>
        setWaiting({
          all: rows.length,
          urgent: rows.filter((r) => r.urgency === 'urgent').length,
          longest: rows.reduce<number | null>(
            (m, r) => (r.waitingDays !== null && (m === null || r.waitingDays > m) ? r.waitingDays : m),
            null,
          ),
        }),
      )
      .catch(() => setWaiting(null));
  }, []);
  if (!waiting) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Waiting for an advocate">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Waiting for an advocate
        </Title>
        <Anchor component={Link} to="/caseload/triage" size="sm">
          Open triage
        </Anchor>
      </Group>
      <Text size="sm">
        {waiting.all === 0
          ? 'Nobody is waiting: every referral has an advocate.'
          : `${waiting.all} referral${waiting.all === 1 ? ' is' : 's are'} waiting${waiting.urgent ? `, ${waiting.urgent} urgent` : ''}${waiting.longest ? `; the longest for ${waiting.longest} day${waiting.longest === 1 ? '' : 's'}` : ''}.`}
      </Text>
    </Paper>
  );
}
