import { Alert, Box, Button, Container, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { todayIso } from '../../../../shared/domain/dates';
import {
  questionLabels,
  smileyAnswers,
  smileyLabels,
  type SmileyAnswer,
  type YoungPersonQuestion,
} from '../../../../shared/reports/feedback';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { LeaveFeedbackMode } from './LeaveFeedbackMode';
import { feedbackModeLock } from './feedback-mode-lock';

const FACES: Record<SmileyAnswer, string> = { happy: '😀', ok: '😐', sad: '🙁' };
const QUESTIONS: { q: YoungPersonQuestion; key: 'listenedTo' | 'thingsChanged' | 'useAgain' }[] = [
  { q: 'listened_to', key: 'listenedTo' },
  { q: 'things_changed', key: 'thingsChanged' },
  { q: 'use_again', key: 'useAgain' },
];
type Answers = Record<'listenedTo' | 'thingsChanged' | 'useAgain', SmileyAnswer | null>;

const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;
function readAloud(text: string): void {
  window.speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'en-GB';
  window.speechSynthesis.speak(u);
}

/**
 * The laptop handed to the young person at closure: only the feedback questions, large faces,
 * each question read aloud on request. No name, case or navigation; leaving needs the advocate's
 * passphrase. The answers are saved as the case's young person's feedback form.
 */
export function FeedbackModeView() {
  const { caseId = '' } = useParams();
  const [answers, setAnswers] = useState<Answers>({ listenedTo: null, thingsChanged: null, useAgain: null });
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    feedbackModeLock.set(caseId);
    announce('feedback-mode');
  }, [caseId]);

  const save = async () => {
    try {
      await send('feedback.save', { caseId, kind: 'young_person', receivedDate: todayIso(), ...answers, comment });
      setSent(true);
      announce('feedback-mode-saved');
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <Box mih="100vh" bg="teal.0" py="xl" data-testid="feedback-mode">
      <Container size="md">
        <Group justify="space-between" align="flex-start" mb="xl">
          <Title order={1} fz={36} c="teal.9" lh={1.2}>
            What did you think?
          </Title>
          <Button variant="default" size="md" onClick={() => setLeaving(true)}>
            Finished
          </Button>
        </Group>
        {problem ? (
          <Alert color="red" title="Your answers were not saved">
            {problem} Please ask your advocate.
          </Alert>
        ) : null}
        {sent ? (
          <Stack>
            <Text fz={28} fw={700}>
              Thank you. Your answers are saved.
            </Text>
            <Text fz={22}>Please give the laptop back to your advocate.</Text>
          </Stack>
        ) : (
          <Stack gap={40}>
            {QUESTIONS.map(({ q, key }) => (
              <Stack key={q} gap="sm">
                <Radio.Group
                  label={questionLabels[q]}
                  value={answers[key] ?? ''}
                  onChange={(v) => setAnswers((a) => ({ ...a, [key]: v as SmileyAnswer }))}
                  styles={{ label: { fontSize: 28, fontWeight: 700, marginBottom: 12 } }}
                >
                  <Group gap="xl">
                    {smileyAnswers.map((s) => (
                      <Radio
                        key={s}
                        value={s}
                        size="xl"
                        label={
                          <Group gap={8} wrap="nowrap">
                            <Text component="span" fz={56} lh={1} aria-hidden>
                              {FACES[s]}
                            </Text>
                            <Text component="span" fz={24}>
                              {smileyLabels[s]}
                            </Text>
                          </Group>
                        }
                      />
                    ))}
                  </Group>
                </Radio.Group>
                {canSpeak ? (
                  <Button
                    variant="subtle"
                    size="md"
                    w="fit-content"
                    onClick={() =>
                      readAloud(`${questionLabels[q]} ${smileyAnswers.map((s) => smileyLabels[s]).join(', or ')}.`)
                    }
                  >
                    Read this question out loud
                  </Button>
                ) : null}
              </Stack>
            ))}
            <Textarea
              label="What could we do better?"
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={5000}
              styles={{
                label: { fontSize: 28, fontWeight: 700, marginBottom: 8 },
                input: { fontSize: 24, lineHeight: 1.5 },
              }}
            />
            <Button size="xl" onClick={() => void save()} w="fit-content">
              Save my answers
            </Button>
          </Stack>
        )}
      </Container>
      <LeaveFeedbackMode opened={leaving} onClose={() => setLeaving(false)} caseId={caseId} />
    </Box>
  );
}
