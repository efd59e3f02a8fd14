import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCallback, useEffect, useState } from 'react';
import { outcomeLabels, stageLabels, type ComplaintStage } from '../../../../shared/domain/complaint-deadlines';
import { formatUkDate } from '../../../../shared/domain/dates';
import { sendMethodLabels, type Complaint } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { ComplaintForm, draftFrom } from './ComplaintForm';
import { deadlineText, statusColour } from './format';
import { NextStepAlert } from './NextStepAlert';
import { ProblemAlert } from '../shell/ProblemAlert';
import { WriteLetterModal } from './WriteLetterModal';

const nextStage: Record<ComplaintStage, ComplaintStage | null> = { stage1: 'stage2', stage2: 'stage3', stage3: null };

/** The letter that makes the complaint at each stage. */
const stageLetter: Record<ComplaintStage, { templateId: string; title: string }> = {
  stage1: { templateId: 'stage1-complaint', title: 'Stage 1 complaint' },
  stage2: { templateId: 'stage2-request', title: 'Request for a Stage 2 investigation' },
  stage3: { templateId: 'stage3-panel-request', title: 'Request for a Stage 3 review panel' },
};

const stageName = (stage: ComplaintStage): string => stageLabels[stage].split(' (')[0] as string;

type Editing = { initial: Parameters<typeof ComplaintForm>[0]['initial'] } | null;

/** The case's complaints, stage by stage, with every statutory due date and what to do next. */
export function ComplaintsTab({ caseId }: { caseId: string }) {
  const [complaints, setComplaints] = useState<Complaint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [writing, setWriting] = useState<Complaint | null>(null);

  const reload = useCallback(() => {
    send('complaints.forCase', { caseId })
      .then((c) => {
        setComplaints(c);
        announce('complaints-loaded');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [caseId]);
  useEffect(reload, [reload]);

  if (error) return <ProblemAlert problem={error} />;
  if (!complaints) return null;
  const startNew = () => setEditing({ initial: { stage: 'stage1', receivedOn: '' } });
  const escalate = (c: Complaint, stage: ComplaintStage) =>
    setEditing({
      initial: { stage, receivedOn: '', escalatedFrom: c.id, councilReference: c.councilReference, summary: c.summary },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Complaints
        </Title>
        <Button onClick={startNew}>Record a complaint</Button>
      </Group>
      {complaints.length === 0 ? (
        <EmptyState
          title="No complaints recorded"
          next="When a complaint is made, record the date the council received it: Heard works out when the response is due."
        />
      ) : null}
      {complaints.map((c) => {
        const next = nextStage[c.stage];
        return (
          <Paper key={c.id} withBorder p="md" component="article" aria-label={`${stageLabels[c.stage]} complaint`}>
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Text fw={600}>{stageLabels[c.stage]}</Text>
                {c.overdue ? <Badge color="red">Overdue</Badge> : null}
                {c.outcome ? (
                  <Badge variant="light">{outcomeLabels[c.outcome]}</Badge>
                ) : (
                  <Badge variant="outline">Open</Badge>
                )}
              </Group>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setEditing({ initial: draftFrom(c) })}>
                  Update
                </Button>
                {c.letters.length === 0 ? (
                  <Button size="xs" variant="default" onClick={() => setWriting(c)}>
                    Write the {stageName(c.stage)} letter
                  </Button>
                ) : null}
                {next && c.outcome !== 'resolved' && c.outcome !== 'withdrawn' ? (
                  <Button size="xs" variant="default" onClick={() => escalate(c, next)}>
                    Move to {stageName(next)}
                  </Button>
                ) : null}
              </Group>
            </Group>
            {c.summary ? (
              <Text size="sm" mb="xs">
                {c.summary}
              </Text>
            ) : null}
            <Text size="sm">
              Received {formatUkDate(c.receivedOn)}
              {c.acknowledgedOn ? `, acknowledged ${formatUkDate(c.acknowledgedOn)}` : ''}
              {c.councilReference ? ` · council reference ${c.councilReference}` : ''}
            </Text>
            {c.extendedTo ? (
              <Text size="sm">
                Extended to {c.extendedTo} working days: {c.extensionReason}
              </Text>
            ) : null}
            <Stack gap={2} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
              {c.deadlines.map((d) => (
                <Group key={d.key} gap="xs" component="li">
                  <Badge color={statusColour[d.status]} variant="dot">
                    {d.label}
                  </Badge>
                  <Text size="sm">{deadlineText(d)}</Text>
                </Group>
              ))}
            </Stack>
            {c.letters.length ? (
              <Stack
                gap={2}
                mt="xs"
                component="ul"
                aria-label="Letters for this complaint"
                style={{ listStyle: 'none', padding: 0 }}
              >
                {c.letters.map((l) => (
                  <Text key={l.id} size="sm" component="li">
                    Letter:{' '}
                    <Anchor component={Link} to={`/letters/${l.id}`}>
                      {l.title}
                      {l.version > 1 ? ` (version ${l.version})` : ''}
                    </Anchor>
                    {l.sentOn
                      ? `, sent ${formatUkDate(l.sentOn)}${l.sentMethod ? ` by ${sendMethodLabels[l.sentMethod].toLowerCase()}` : ''}`
                      : ', not sent yet'}
                  </Text>
                ))}
              </Stack>
            ) : null}
            {c.nextStep.kind !== 'wait' && c.nextStep.kind !== 'none' ? <NextStepAlert complaint={c} mt="sm" /> : null}
          </Paper>
        );
      })}
      {writing ? (
        <WriteLetterModal
          caseId={caseId}
          templateId={stageLetter[writing.stage].templateId}
          title={stageLetter[writing.stage].title}
          complaintId={writing.id}
          onClose={() => setWriting(null)}
        />
      ) : null}
      {editing ? (
        <ComplaintForm
          caseId={caseId}
          initial={editing.initial}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
