import { Anchor, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { todayIso } from '../../../../shared/domain/dates';
import { daysBetween, whenFromToday } from '../../../../shared/domain/meetings-calendar';
import type { Meeting } from '../../../../shared/ipc/meetings';
import { send } from '../../api/client';
import { MeetingList } from './MeetingList';

/** Days ahead the Today screen looks for meetings: long enough to prepare a young person. */
export const REMIND_DAYS = 7;

const REMINDED = 'heard:meetings-reminded';

/** Once per session (on opening Heard), a nudge about meetings today or tomorrow. It names no one. */
function remindOnce(meetings: Meeting[]): void {
  if (sessionStorage.getItem(REMINDED)) return;
  sessionStorage.setItem(REMINDED, '1');
  const today = todayIso();
  const soon = meetings.filter((m) => daysBetween(today, m.date) <= 1).length;
  if (soon === 0) return;
  notifications.show({
    title: 'Meetings soon',
    message: `You have ${soon} meeting${soon === 1 ? '' : 's'} today or tomorrow. They are listed on the Today screen.`,
    autoClose: 10_000,
  });
}

/** Today screen: meetings in the next week, so no preparation visit is missed. */
export function UpcomingMeetingsPanel() {
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  useEffect(() => {
    send('meetings.upcoming', { days: REMIND_DAYS })
      .then((m) => {
        setMeetings(m);
        remindOnce(m);
      })
      .catch(() => setMeetings([]));
  }, []);
  if (!meetings) return null;
  const today = todayIso();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="upcoming-meetings-title">
      <Title order={2} size="h4" mb="xs" id="upcoming-meetings-title">
        Meetings in the next {REMIND_DAYS} days
      </Title>
      {meetings.length === 0 ? (
        <Text size="sm">
          None. See the{' '}
          <Anchor component={Link} to="/calendar">
            calendar
          </Anchor>{' '}
          for later ones.
        </Text>
      ) : (
        <MeetingList meetings={meetings} extra={(m) => whenFromToday(today, m.date)} />
      )}
    </Paper>
  );
}
