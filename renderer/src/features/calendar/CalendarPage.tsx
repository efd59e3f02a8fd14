import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { todayIso } from '../../../../shared/domain/dates';
import {
  addDays,
  addMonths,
  monthGrid,
  monthTitle,
  weekDays,
  whenFromToday,
} from '../../../../shared/domain/meetings-calendar';
import type { Meeting } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { meetingPath } from '../meetings/format';
import { MeetingForm } from '../meetings/MeetingForm';
import { MeetingList } from '../meetings/MeetingList';
import { MeetingPage } from '../meetings/MeetingPage';
import { StatementPage } from '../meetings/StatementPage';
import { MonthView, WeekView } from './CalendarViews';
import { formatUkDate } from '../../../../shared/domain/dates';

/** /calendar and the meeting and statement pages under it. */
export function CalendarRoutes() {
  return (
    <Routes>
      <Route index element={<CalendarPage />} />
      <Route path="meeting/:meetingId" element={<MeetingPage />} />
      <Route path="statement/:statementId" element={<StatementPage />} />
    </Routes>
  );
}

type View = 'week' | 'month' | 'upcoming';

function rangeFor(view: View, anchor: string, today: string): [string, string] {
  if (view === 'week') {
    const days = weekDays(anchor);
    return [days[0]!, days[6]!];
  }
  if (view === 'month') {
    const grid = monthGrid(anchor);
    return [grid[0]![0]!, grid.at(-1)![6]!];
  }
  return [today, addDays(today, 60)];
}

export function CalendarPage() {
  const navigate = useNavigate();
  const today = todayIso();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(today);
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    const [from, to] = rangeFor(view, anchor, today);
    send('meetings.list', { from, to })
      .then((m) => {
        setMeetings(m);
        announce('calendar-loaded');
      })
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [view, anchor, today]);
  useEffect(load, [load]);

  const step = (n: number) => setAnchor(view === 'month' ? addMonths(anchor, n) : addDays(anchor, 7 * n));
  const [from, to] = rangeFor(view, anchor, today);
  const title =
    view === 'month'
      ? monthTitle(anchor)
      : view === 'week'
        ? `Week of ${formatUkDate(from)}`
        : `From ${formatUkDate(from)} to ${formatUkDate(to)}`;

  return (
    <>
      <PageHeader
        title="Calendar"
        description="Meetings for your cases."
        actions={<Button onClick={() => setAdding(true)}>Add a meeting</Button>}
      />
      <Stack>
        <Group justify="space-between">
          <SegmentedControl
            aria-label="Calendar view"
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'week', label: 'Week' },
              { value: 'month', label: 'Month' },
              { value: 'upcoming', label: 'Upcoming' },
            ]}
          />
          {view !== 'upcoming' ? (
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                onClick={() => step(-1)}
                aria-label={view === 'month' ? 'Previous month' : 'Previous week'}
              >
                ‹
              </Button>
              <Button variant="default" size="xs" onClick={() => setAnchor(today)}>
                Today
              </Button>
              <Button
                variant="default"
                size="xs"
                onClick={() => step(1)}
                aria-label={view === 'month' ? 'Next month' : 'Next week'}
              >
                ›
              </Button>
            </Group>
          ) : null}
        </Group>
        <Title order={2} size="h4" aria-live="polite">
          {title}
        </Title>
        {problem ? <Text c="red.8">{problem}</Text> : null}
        {meetings && view === 'week' ? <WeekView anchor={anchor} today={today} meetings={meetings} /> : null}
        {meetings && view === 'month' ? <MonthView anchor={anchor} today={today} meetings={meetings} /> : null}
        {meetings && view === 'upcoming' ? (
          meetings.length === 0 ? (
            <EmptyState title="No meetings coming up" next="Add a meeting here or from a case’s Meetings tab." />
          ) : (
            <Paper withBorder p="md">
              <MeetingList meetings={meetings} extra={(m) => whenFromToday(today, m.date)} />
            </Paper>
          )
        ) : null}
      </Stack>
      {adding ? (
        <MeetingForm opened onClose={() => setAdding(false)} onSaved={(m) => navigate(meetingPath(m.id))} />
      ) : null}
    </>
  );
}
