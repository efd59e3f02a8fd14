import { Button, Code, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, send } from '../../api/client';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ukDateTime } from './laptop-text';

/** Makes an enrolment code for a person's new laptop: the service's part and this laptop's secret part, shown once. */
export function IssueCodeCard({ users }: { users: { id: string; name: string; role: string }[] }) {
  const [userId, setUserId] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ code: string; expiresAt: string; userName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const issue = async () => {
    if (!userId) return setProblem('Choose the person the laptop is for.');
    setBusy(true);
    setProblem(null);
    try {
      setIssued(await send('laptops.issueCode', { userId }));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Connect a new laptop
      </Title>
      <Text size="sm">
        The code works once, for 24 hours. Its secret part stays on this laptop, so only the laptop you give it to is
        let in.
      </Text>
      <Group align="flex-end">
        <Select
          label="Person"
          placeholder="Choose a person"
          data={users.map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }))}
          value={userId}
          onChange={setUserId}
          searchable
        />
        <Button onClick={issue} loading={busy}>
          Issue enrolment code
        </Button>
      </Group>
      <ProblemAlert problem={problem} />
      {issued ? (
        <Stack gap={4} data-testid="issued-code">
          <Text size="sm">
            Code for {issued.userName}’s laptop; type all of it into Heard’s Sync screen on that laptop:
          </Text>
          <Code fz="xl" p="sm">
            {issued.code}
          </Code>
          <Text size="sm">It can be used until {ukDateTime(issued.expiresAt)} (UK time). It is not shown again.</Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
