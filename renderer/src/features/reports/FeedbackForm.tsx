import { Button, Checkbox, Group, Paper, Select, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { todayIso } from '../../../../shared/domain/dates';
import type { FeedbackForm as Form, FeedbackFormInput } from '../../../../shared/ipc/reports';
import {
  professionalQuestions,
  questionLabels,
  respondentRoleLabels,
  respondentRoles,
  youngPersonQuestions,
  type FeedbackFormKind,
  type RespondentRole,
  type SmileyAnswer,
} from '../../../../shared/reports/feedback';
import { errorMessage, send } from '../../api/client';
import { SmileyScale } from './SmileyScale';
import { ProblemAlert } from '../shell/ProblemAlert';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';

type Answers = Record<string, SmileyAnswer | null>;
const field: Record<string, keyof FeedbackFormInput> = {
  listened_to: 'listenedTo',
  things_changed: 'thingsChanged',
  use_again: 'useAgain',
  voice_heard: 'voiceHeard',
  kept_informed: 'keptInformed',
  recommend: 'recommend',
};

/** A young person's form (faces) or a professional's or parent's, filled in with or for them at closure. */
export function FeedbackForm({
  caseId,
  kind,
  form,
  onSaved,
  onCancel,
}: {
  caseId: string;
  kind: FeedbackFormKind;
  form?: Form;
  onSaved: (f: Form) => void;
  onCancel: () => void;
}) {
  const young = kind === 'young_person';
  const questions = young ? youngPersonQuestions : professionalQuestions;
  const [received, setReceived] = useState<string | null>(form?.receivedDate ?? todayIso());
  const dates = useDateProblems();
  const [role, setRole] = useState<RespondentRole | null>(form?.respondentRole ?? null);
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries(questions.map((q) => [q, form ? (form[field[q] as keyof Form] as SmileyAnswer | null) : null])),
  );
  const [comment, setComment] = useState(form?.comment ?? '');
  const [mayQuote, setMayQuote] = useState(form?.mayQuote ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const receivedDate = received;
    if (dates.first || !receivedDate) {
      setProblem(dates.first ? `A date needs correcting: ${dates.first}` : 'Enter the date the form was received.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const input: FeedbackFormInput = {
        id: form?.id,
        caseId,
        kind,
        receivedDate,
        respondentRole: young ? null : role,
        comment,
        mayQuote,
      };
      for (const q of questions) (input as Record<string, unknown>)[field[q]!] = answers[q] ?? null;
      onSaved(await send('feedback.save', input));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="feedback-form">
      <Stack gap="md">
        <Title order={3} size="h5">
          {young ? "Young person's feedback" : 'Feedback from a professional or parent'}
        </Title>
        <Group>
          <DateField
            label="Date received"
            required
            value={received}
            onChange={setReceived}
            onProblem={dates.on('received')}
            notAfter={notFuture("A form can't be received on a date in the future.")}
            w={190}
          />
          {young ? null : (
            <Select
              label="Who is giving feedback"
              data={respondentRoles.map((r) => ({ value: r, label: respondentRoleLabels[r] }))}
              value={role}
              onChange={(v) => setRole(v as RespondentRole | null)}
              w={260}
            />
          )}
        </Group>
        {questions.map((q) => (
          <SmileyScale
            key={q}
            question={questionLabels[q]}
            value={answers[q] ?? null}
            onChange={(v) => setAnswers((a) => ({ ...a, [q]: v }))}
          />
        ))}
        <Textarea
          label="What could we do better?"
          autosize
          minRows={2}
          maxLength={5000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Checkbox
          label="They are happy for these words to be quoted, without their name, in our reports"
          checked={mayQuote}
          onChange={(e) => setMayQuote(e.currentTarget.checked)}
        />
        <ProblemAlert problem={problem} />
        <Group>
          <Button onClick={() => void save()} loading={busy}>
            Save feedback
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
