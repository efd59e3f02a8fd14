import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Meeting } from '../../../../shared/ipc/meetings';
import { meetingPath, meetingTitle, meetingWhen, whoseMeeting } from './format';

/** Meetings as a list of links: when, what, and (unless on a case page) whose. */
export function MeetingList({
  meetings,
  showCase = true,
  extra,
}: {
  meetings: Meeting[];
  showCase?: boolean;
  extra?: (m: Meeting) => string;
}) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {meetings.map((m) => (
        <li key={m.id}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={meetingPath(m.id)} fw={600}>
              {meetingTitle(m)}
            </Anchor>
            <Text size="sm">{meetingWhen(m)}</Text>
            {extra ? <Badge size="sm">{extra(m)}</Badge> : null}
            {showCase ? (
              <Text size="sm" c="dimmed">
                {whoseMeeting(m)}
              </Text>
            ) : null}
            {m.debriefed ? (
              <Badge color="gray" variant="outline" size="sm">
                Debriefed
              </Badge>
            ) : null}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
