import { Anchor, Box, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { dayName, monthGrid, weekDays } from '../../../../shared/domain/meetings-calendar';
import type { Meeting } from '../../../../shared/ipc/meetings';
import { meetingPath, meetingTitle } from '../meetings/format';

const byDate = (meetings: Meeting[]) => {
  const map = new Map<string, Meeting[]>();
  for (const m of meetings) map.set(m.date, [...(map.get(m.date) ?? []), m]);
  return map;
};

function MeetingLink({ m, compact }: { m: Meeting; compact: boolean }) {
  const who = m.caseLabel?.name ?? 'Unknown case';
  return (
    <Anchor component={Link} to={meetingPath(m.id)} size={compact ? 'xs' : 'sm'} display="block" lh={1.3}>
      {m.time ? `${m.time} ` : ''}
      {meetingTitle(m)} · {who}
    </Anchor>
  );
}

/** Seven days, Monday first, each with its meetings in time order. */
export function WeekView({ anchor, today, meetings }: { anchor: string; today: string; meetings: Meeting[] }) {
  const days = byDate(meetings);
  return (
    <SimpleGrid cols={{ base: 1, sm: 7 }} spacing="xs">
      {weekDays(anchor).map((d) => (
        <Paper
          key={d}
          withBorder
          p="xs"
          mih={160}
          bg={d === today ? 'teal.0' : undefined}
          aria-label={`${dayName(d)} ${formatUkDate(d)}`}
          component="section"
        >
          <Text fw={700} size="sm">
            {dayName(d).slice(0, 3)} {formatUkDate(d).slice(0, 5)}
          </Text>
          <Stack gap={6} mt={6}>
            {(days.get(d) ?? []).map((m) => (
              <MeetingLink key={m.id} m={m} compact={false} />
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** A month in whole weeks; days outside the month are greyed. */
export function MonthView({ anchor, today, meetings }: { anchor: string; today: string; meetings: Meeting[] }) {
  const days = byDate(meetings);
  const month = anchor.slice(0, 7);
  return (
    <Box role="table" aria-label="Month">
      <SimpleGrid cols={7} spacing={4} role="row">
        {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
          <Text key={d} fw={700} size="sm" ta="center" role="columnheader">
            {d}
          </Text>
        ))}
      </SimpleGrid>
      {monthGrid(anchor).map((week) => (
        <SimpleGrid key={week[0]} cols={7} spacing={4} mt={4} role="row">
          {week.map((d) => (
            <Paper
              key={d}
              withBorder
              p={4}
              mih={90}
              role="cell"
              aria-label={`${dayName(d)} ${formatUkDate(d)}`}
              bg={d === today ? 'teal.0' : d.slice(0, 7) !== month ? 'gray.0' : undefined}
            >
              <Text size="xs" c={d.slice(0, 7) === month ? undefined : 'dimmed'} fw={d === today ? 700 : 400}>
                {Number(d.slice(8))}
              </Text>
              <Stack gap={2}>
                {(days.get(d) ?? []).map((m) => (
                  <MeetingLink key={m.id} m={m} compact />
                ))}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      ))}
    </Box>
  );
}
