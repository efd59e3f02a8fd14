import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { FeedbackForm as Form } from '../../../../shared/ipc/reports';
import {
  questionLabels,
  respondentRoleLabels,
  smileyLabels,
  type FeedbackFormKind,
  type SmileyAnswer,
} from '../../../../shared/reports/feedback';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { FeedbackForm } from './FeedbackForm';
import { FeedbackHandover } from '../intake/FeedbackHandover';

type Editing = { kind: FeedbackFormKind; form?: Form } | null;

function answersOf(f: Form): Array<[string, SmileyAnswer | null]> {
  return f.kind === 'young_person'
    ? [
        [questionLabels.listened_to, f.listenedTo],
        [questionLabels.things_changed, f.thingsChanged],
        [questionLabels.use_again, f.useAgain],
      ]
    : [
        [questionLabels.voice_heard, f.voiceHeard],
        [questionLabels.kept_informed, f.keptInformed],
        [questionLabels.recommend, f.recommend],
      ];
}

/** The Feedback tab on a case page: forms received at closure, which feed the quarterly report. */
export function FeedbackTab({ caseId }: { caseId: string }) {
  const [forms, setForms] = useState<Form[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    send('feedback.list', { caseId })
      .then(setForms)
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [caseId]);
  useEffect(load, [load]);

  const remove = async (f: Form) => {
    if (!window.confirm('Remove this feedback form? It will no longer be counted in reports.')) return;
    try {
      await send('feedback.remove', { id: f.id });
      load();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Feedback
        </Title>
        <Group>
          <Button onClick={() => setEditing({ kind: 'young_person' })} disabled={editing !== null}>
            Young person&apos;s form
          </Button>
          <Button variant="default" onClick={() => setEditing({ kind: 'professional' })} disabled={editing !== null}>
            Professional or parent form
          </Button>
        </Group>
      </Group>
      <FeedbackHandover caseId={caseId} />
      {problem ? <Text c="red.8">{problem}</Text> : null}
      {forms && forms.length === 0 && !editing ? (
        <EmptyState
          title="No feedback yet"
          next="When the work ends, ask the young person (and the professionals or parents involved) how it went. Their answers are counted in the quarterly report."
        />
      ) : null}
      {editing ? (
        <FeedbackForm
          key={editing.form?.id ?? editing.kind}
          caseId={caseId}
          kind={editing.kind}
          form={editing.form}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      ) : null}
      {(forms ?? []).map((f) => (
        <Paper withBorder p="md" key={f.id} data-testid="feedback-entry">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600}>
                {f.kind === 'young_person' ? 'Young person' : respondentRoleLabels[f.respondentRole ?? 'other']},
                received {formatUkDate(f.receivedDate)}
              </Text>
              {answersOf(f).map(([q, a]) => (
                <Text size="sm" key={q}>
                  {q} <strong>{a ? smileyLabels[a] : 'Not answered'}</strong>
                </Text>
              ))}
              {f.comment ? (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  What could we do better? {f.comment}
                </Text>
              ) : null}
            </div>
            <Group gap="xs">
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setEditing({ kind: f.kind, form: f })}
                disabled={editing !== null}
              >
                Edit
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => void remove(f)}>
                Remove
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
