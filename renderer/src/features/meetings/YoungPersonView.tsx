import { Alert, Box, Button, Container, Group, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { presenterChildLabels, presenters, type Presenter } from '../../../../shared/domain/meetings';
import type { ChildStatement } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { AdvocatePassphraseModal } from '../shell/AdvocatePassphraseModal';
import { statementPath } from './format';
import { youngPersonLock } from './young-person-lock';
import { useStatementWork } from './useStatementWork';

/**
 * For sitting beside a young person or handing them the laptop: their statement and nothing else.
 * No names, no case, no navigation. Leaving needs the advocate's passphrase; the idle lock still runs.
 */
export function YoungPersonView() {
  const { statementId = '' } = useParams();
  const [statement, setStatement] = useState<ChildStatement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const navigate = useNavigate();
  const [savedNote, setSavedNote] = useState<string | null>(null);

  useEffect(() => {
    youngPersonLock.set(statementId);
    void send('statements.childView', { id: statementId })
      .then(setStatement)
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [statementId]);

  const saved = useMemo(
    () => (statement ? { sections: statement.sections, presenter: statement.presenter } : null),
    [statement],
  );
  const { work, dirty, setText, setPresenter, save } = useStatementWork(statementId, saved);

  useEffect(() => {
    if (work) announce('young-person-view');
  }, [work]);

  const saveWords = async () => {
    try {
      await save('young_person_view');
      setSavedNote('Your words are saved.');
    } catch (e) {
      setSavedNote(errorMessage(e));
    }
  };

  return (
    <Box mih="100vh" bg="teal.0" py="xl" data-testid="young-person-view">
      <Container size="md">
        <Group justify="space-between" align="flex-start" mb="xl">
          <Title order={1} fz={36} c="teal.9" lh={1.2}>
            {statement?.heading ?? 'My views'}
          </Title>
          <Button variant="default" size="md" onClick={() => setLeaving(true)}>
            Finished
          </Button>
        </Group>
        {problem ? (
          <Alert color="red" title="This could not be opened">
            {problem} Press Finished and ask your advocate.
          </Alert>
        ) : null}
        {work ? (
          <Stack gap="xl">
            {work.sections.map((s) => (
              <Textarea
                key={s.key}
                label={s.prompt}
                value={s.text}
                onChange={(e) => setText(s.key, e.currentTarget.value)}
                autosize
                minRows={3}
                size="xl"
                styles={{
                  label: { fontSize: 28, fontWeight: 700, marginBottom: 8 },
                  input: { fontSize: 24, lineHeight: 1.5 },
                }}
              />
            ))}
            <Stack gap="sm" role="radiogroup" aria-label="Who will say it?">
              <Text fz={28} fw={700}>
                Who will say it?
              </Text>
              <Group>
                {presenters.map((p: Presenter) => (
                  <UnstyledButton
                    key={p}
                    role="radio"
                    aria-checked={work.presenter === p}
                    onClick={() => setPresenter(p)}
                    p="md"
                    bd={
                      work.presenter === p
                        ? '3px solid var(--mantine-color-teal-8)'
                        : '2px solid var(--mantine-color-gray-4)'
                    }
                    bg={work.presenter === p ? 'teal.1' : 'white'}
                    style={{ borderRadius: 12, fontSize: 22 }}
                  >
                    {presenterChildLabels[p]}
                  </UnstyledButton>
                ))}
              </Group>
            </Stack>
            <Group>
              <Button size="xl" onClick={() => void saveWords()} disabled={!dirty}>
                Save my words
              </Button>
              <Text fz={20} aria-live="polite">
                {dirty ? 'Not saved yet' : (savedNote ?? '')}
              </Text>
            </Group>
          </Stack>
        ) : null}
      </Container>
      <AdvocatePassphraseModal
        opened={leaving}
        onClose={() => setLeaving(false)}
        stayLabel="Keep writing"
        onLeave={async () => {
          if (dirty) await save('young_person_view');
          youngPersonLock.clear();
          navigate(statementPath(statementId), { replace: true });
        }}
      />
    </Box>
  );
}
