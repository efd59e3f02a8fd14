import { Anchor, Badge, Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { presenterLabels } from '../../../../shared/domain/meetings';
import { statementTemplates } from '../../../../shared/domain/meetings-templates';
import type { MeetingDetail } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { PageHeader } from '../shell/PageHeader';
import { DebriefForm } from './DebriefForm';
import { meetingTitle, meetingWhen, statementPath, whoseMeeting } from './format';
import { MeetingForm } from './MeetingForm';

/** One meeting: its details, the young person's statement(s) for it, and the debrief afterwards. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeReason, setRemoveReason] = useState('');
  const [template, setTemplate] = useState<string | null>(statementTemplates[0]!.id);

  const load = useCallback(() => {
    send('meetings.get', { id: meetingId })
      .then((d) => {
        setDetail(d);
        announce('meeting-loaded');
      })
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [meetingId]);
  useEffect(load, [load]);

  if (problem) return <Text c="red.8">{problem}</Text>;
  if (!detail) return null;
  const m = detail.meeting;

  const startStatement = async () => {
    if (!template) return;
    try {
      const s = await send('statements.create', { meetingId: m.id, templateId: template });
      navigate(statementPath(s.id));
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={meetingTitle(m)}
        description={`${meetingWhen(m)} · ${whoseMeeting(m)}`}
        actions={
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>
              Change details
            </Button>
            <Button variant="default" color="red" onClick={() => setRemoving(true)}>
              Delete
            </Button>
          </Group>
        }
      />
      <Stack>
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Text>
              <b>Place:</b> {m.place ?? 'Not recorded'}
            </Text>
            <Text>
              <b>Chair:</b> {m.chair ?? 'Not recorded'}
            </Text>
            <Text>
              <b>Invited:</b> {m.invitees.length ? m.invitees.join(', ') : 'Not recorded'}
            </Text>
            {m.notes ? (
              <Text>
                <b>Notes:</b> {m.notes}
              </Text>
            ) : null}
            <Anchor component={Link} to={`/caseload/${m.caseId}`} size="sm">
              Open the case
            </Anchor>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Preparation: their views
          </Title>
          <Stack gap="xs">
            {detail.statements.map((s, i) => (
              <Group key={s.id} gap="sm">
                <Anchor component={Link} to={statementPath(s.id)} fw={600}>
                  My views statement {detail.statements.length > 1 ? i + 1 : ''}
                </Anchor>
                <Text size="sm">{s.presenter ? presenterLabels[s.presenter] : 'Who presents it not chosen yet'}</Text>
                {s.canExport && s.agreement ? (
                  <Badge color="teal">Agreed {formatUkDate(s.agreement.agreedOn)}</Badge>
                ) : s.agreement ? (
                  <Badge color="orange">Changed since agreed</Badge>
                ) : (
                  <Badge color="gray">Not agreed yet</Badge>
                )}
              </Group>
            ))}
            <Group align="flex-end">
              <Select
                label="Start a “my views” statement from"
                data={statementTemplates.map((t) => ({ value: t.id, label: t.name }))}
                value={template}
                onChange={setTemplate}
                description={statementTemplates.find((t) => t.id === template)?.description}
                w={360}
              />
              <Button onClick={() => void startStatement()} disabled={!template}>
                Start statement
              </Button>
            </Group>
          </Stack>
        </Paper>
        <DebriefForm key={m.id} detail={detail} onSaved={load} />
      </Stack>
      {editing ? (
        <MeetingForm
          opened
          meeting={m}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            load();
          }}
        />
      ) : null}
      <Modal opened={removing} onClose={() => setRemoving(false)} title="Delete this meeting?">
        <Stack>
          <Text>
            The meeting is removed from the calendar and the case. Its statements and debrief stay in the record, and
            what it said stays in the case’s history.
          </Text>
          <TextInput
            label="Why? (optional)"
            value={removeReason}
            onChange={(e) => setRemoveReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={() =>
                void send('meetings.remove', { id: m.id, reason: removeReason.trim() || undefined })
                  .then(() => navigate('/calendar'))
                  .catch((e: unknown) => setProblem(errorMessage(e)))
              }
            >
              Delete meeting
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
