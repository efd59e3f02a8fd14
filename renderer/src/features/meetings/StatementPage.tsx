import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { presenterLabels, presenters, type Presenter } from '../../../../shared/domain/meetings';
import { statementPlainText } from '../../../../shared/domain/meetings-templates';
import { fleschReadingEase, readabilityBandLabels } from '../../../../shared/domain/readability';
import type { MeetingDetail, Statement } from '../../../../shared/ipc/meetings';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { PageHeader } from '../shell/PageHeader';
import { AgreementPanel } from './AgreementPanel';
import { meetingPath, meetingTitle, meetingWhen, whoseMeeting, youngPersonPath } from './format';
import { useStatementWork } from './useStatementWork';
import { VersionsDrawer } from './VersionsDrawer';
import { downloadPdf } from '../../api/download';

/** The advocate's page for a "my views" statement: the words, readability, versions, agreement, export. */
export function StatementPage() {
  const { statementId = '' } = useParams();
  const navigate = useNavigate();
  const [statement, setStatement] = useState<Statement | null>(null);
  const [meeting, setMeeting] = useState<MeetingDetail['meeting'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [newPrompt, setNewPrompt] = useState('');

  const load = useCallback(() => {
    send('statements.get', { id: statementId })
      .then(async (s) => {
        setStatement(s);
        setMeeting((await send('meetings.get', { id: s.meetingId })).meeting);
        announce('statement-loaded');
      })
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [statementId]);
  useEffect(load, [load]);

  const saved = useMemo(
    () => (statement ? { sections: statement.sections, presenter: statement.presenter } : null),
    [statement],
  );
  const { work, dirty, setText, setPrompt, addSection, setPresenter, save } = useStatementWork(statementId, saved);
  const readability = work ? fleschReadingEase(statementPlainText(work.sections)) : null;

  if (problem) return <Text c="red.8">{problem}</Text>;
  if (!statement || !work) return null;

  const saveWords = async () => {
    try {
      const s = await save('advocate');
      if (s) setStatement(s);
      setMessage('Saved as a new version.');
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  const doExport = async () => {
    setExporting(false);
    try {
      const file = await send('statements.exportPdf', { id: statementId });
      downloadPdf(file.fileName, file.base64);
      setMessage(`Exported as ${file.fileName}.`);
      announce('statement-exported');
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title="My views statement"
        description={
          meeting ? `${meetingTitle(meeting)}, ${meetingWhen(meeting)} · ${whoseMeeting(meeting)}` : undefined
        }
        actions={
          <Group>
            <Button
              onClick={() => navigate(youngPersonPath(statementId))}
              title="Full screen, large type, only this statement. Leaving it needs your passphrase."
            >
              Open young-person view
            </Button>
            <Button variant="default" onClick={() => setVersionsOpen(true)}>
              Versions ({statement.versionCount})
            </Button>
          </Group>
        }
      />
      <Stack>
        {meeting ? (
          <Anchor component={Link} to={meetingPath(meeting.id)} size="sm">
            Back to the meeting
          </Anchor>
        ) : null}
        <Paper withBorder p="md">
          <Stack>
            <Text size="sm" c="dimmed">
              Write in the young person’s own words. Change a heading if they want to put it differently.
            </Text>
            {work.sections.map((s) => (
              <Stack key={s.key} gap={4}>
                <TextInput
                  aria-label={`Heading: ${s.prompt}`}
                  value={s.prompt}
                  onChange={(e) => setPrompt(s.key, e.currentTarget.value)}
                  fw={700}
                  variant="unstyled"
                  size="md"
                />
                <Textarea
                  aria-label={s.prompt}
                  value={s.text}
                  onChange={(e) => setText(s.key, e.currentTarget.value)}
                  autosize
                  minRows={3}
                />
              </Stack>
            ))}
            <Group align="flex-end">
              <TextInput
                label="Add a part"
                placeholder="For example: Something else I want to say"
                value={newPrompt}
                onChange={(e) => setNewPrompt(e.currentTarget.value)}
                w={360}
              />
              <Button
                variant="default"
                disabled={!newPrompt.trim()}
                onClick={() => {
                  addSection(newPrompt.trim());
                  setNewPrompt('');
                }}
              >
                Add
              </Button>
            </Group>
            <Radio.Group
              label="Who will present it?"
              value={work.presenter ?? ''}
              onChange={(v) => setPresenter(v as Presenter)}
            >
              <Group mt="xs">
                {presenters.map((p) => (
                  <Radio key={p} value={p} label={presenterLabels[p]} />
                ))}
              </Group>
            </Radio.Group>
            <Text size="sm" data-testid="readability">
              {readability
                ? `Readability: ${readability.score} out of 100, ${readabilityBandLabels[readability.band].toLowerCase()}. For most young people aim for 70 or more: short sentences and everyday words.`
                : 'Readability appears once there are words.'}
            </Text>
            <Group>
              <Button onClick={() => void saveWords()} disabled={!dirty}>
                Save words
              </Button>
              <Text size="sm" aria-live="polite">
                {dirty ? 'Changes kept as a draft; not saved as a version yet.' : message}
              </Text>
            </Group>
          </Stack>
        </Paper>
        <AgreementPanel statement={statement} dirty={dirty} onAgreed={setStatement} />
        <Paper withBorder p="md">
          <Stack>
            <Title order={2} size="h4">
              Export
            </Title>
            {!statement.canExport ? (
              <Text size="sm">The statement can be exported once the young person has agreed the current words.</Text>
            ) : null}
            <Button
              w="fit-content"
              variant={statement.canExport ? 'filled' : 'default'}
              onClick={() => setExporting(true)}
              disabled={dirty}
            >
              Export as PDF
            </Button>
          </Stack>
        </Paper>
      </Stack>
      <VersionsDrawer statementId={statementId} opened={versionsOpen} onClose={() => setVersionsOpen(false)} />
      <Modal opened={exporting} onClose={() => setExporting(false)} title="Export the statement as a PDF?">
        <Stack>
          <Alert color="orange">
            The PDF leaves Heard’s encrypted store. Save it only somewhere your service allows, and delete it once it
            has been shared with the meeting.
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setExporting(false)}>
              Cancel
            </Button>
            <Button onClick={() => void doExport()}>Export PDF</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
