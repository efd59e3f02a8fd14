import { Badge, Group } from '@mantine/core';

/** Beside a name in the triage queue: it came through the online form, and may be someone already known. */
export function TriageMarks({ receivedOnline, possibleMatch }: { receivedOnline: boolean; possibleMatch: boolean }) {
  if (!receivedOnline && !possibleMatch) return null;
  return (
    <Group gap={4} mt={2}>
      {receivedOnline ? (
        <Badge size="sm" variant="light" color="blue.9" data-testid="triage-online">
          Online
        </Badge>
      ) : null}
      {possibleMatch ? (
        <Badge size="sm" variant="light" color="orange.9">
          Possibly already known
        </Badge>
      ) : null}
    </Group>
  );
}
