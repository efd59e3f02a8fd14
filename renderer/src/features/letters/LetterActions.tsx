import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { sendMethodLabels, sendMethods, type Letter } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { downloadPdf } from '../../api/download';
import { announce } from '../../api/events';
import { DateField, notFuture } from '../shell/DateField';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ProblemAlert } from '../shell/ProblemAlert';
import { PlaceholderCheck } from './PlaceholderCheck';

type Step = { kind: 'check'; then: 'export' | 'send' } | { kind: 'warn'; leave: string[] } | null;

/**
 * Export, record as sent, correct and delete. Export and sending first go through the placeholder
 * check; a sent letter is locked and offers a correction instead of editing.
 */
export function LetterActions({
  letter,
  onChanged,
  beforeAction,
}: {
  letter: Letter;
  onChanged: (l: Letter, bodyChanged: boolean) => void;
  beforeAction: () => Promise<void>;
}) {
  const navigate = useNavigate();
  const [sentOn, setSentOn] = useState<string | null>(null);
  const [method, setMethod] = useState<Letter['sentMethod']>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [changeNote, setChangeNote] = useState('');

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const begin = (then: 'export' | 'send') => {
    if (then === 'send' && (!sentOn || !method))
      return setError('Give the date the letter was sent and how it was sent.');
    return run(async () => {
      await beforeAction();
      setStep({ kind: 'check', then });
    });
  };

  const decided = (then: 'export' | 'send', leave: string[], filled: Letter | null) => {
    if (filled) onChanged(filled, true);
    if (then === 'export') return setStep({ kind: 'warn', leave });
    setStep(null);
    void run(async () => {
      onChanged(
        await send('letters.markSent', {
          id: letter.id,
          sentOn: sentOn as string,
          sentMethod: method as NonNullable<Letter['sentMethod']>,
          leave,
        }),
        false,
      );
      announce('letter-sent-recorded');
    });
  };

  const exportPdf = (leave: string[]) =>
    run(async () => {
      const out = await send('letters.exportPdf', { id: letter.id, leave });
      downloadPdf(out.fileName, out.base64);
      setStep(null);
      announce('letter-exported');
    });

  const remove = () =>
    run(async () => {
      await send('letters.remove', { id: letter.id });
      navigate(`/caseload/${letter.caseId}?tab=letters&deleted=${encodeURIComponent(letter.id)}`);
    });

  const correct = () =>
    run(async () => {
      const next = await send('letters.correct', { id: letter.id, changeNote });
      setCorrecting(false);
      navigate(`/letters/${next.id}`);
    });

  return (
    <Stack gap="sm" mt="md">
      <ProblemAlert problem={error} />
      {letter.sentOn ? (
        <Alert color="gray" title="Sent: this letter is locked" data-testid="letter-locked">
          <Text size="sm">
            Sent on {formatUkDate(letter.sentOn)}
            {letter.sentMethod ? ` by ${sendMethodLabels[letter.sentMethod].toLowerCase()}` : ''}. It is kept exactly as
            it was sent.
            {letter.placeholdersLeft.length ? ` Left as written: ${letter.placeholdersLeft.join(', ')}.` : ''}
          </Text>
          <Group mt="xs">
            {letter.correctedBy ? (
              <Anchor component={Link} to={`/letters/${letter.correctedBy}`} size="sm">
                Open the correction
              </Anchor>
            ) : (
              <Button size="xs" variant="default" onClick={() => setCorrecting(true)}>
                Write a correction
              </Button>
            )}
            <Button size="xs" onClick={() => void begin('export')} loading={busy}>
              Export PDF
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group align="flex-end">
          <DateField
            label="Date sent"
            value={sentOn}
            onChange={setSentOn}
            notAfter={notFuture("A letter can't have been sent on a date in the future.")}
          />
          <Select
            label="How it was sent"
            data={sendMethods.map((m) => ({ value: m, label: sendMethodLabels[m] }))}
            value={method}
            onChange={(v) => setMethod(v as Letter['sentMethod'])}
            clearable
            w={200}
          />
          <Button variant="default" onClick={() => void begin('send')} loading={busy}>
            Record as sent
          </Button>
          <Button onClick={() => void begin('export')} loading={busy}>
            Export PDF
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            Delete draft
          </Button>
        </Group>
      )}
      {step?.kind === 'check' ? (
        <PlaceholderCheck
          letterId={letter.id}
          action={step.then === 'export' ? 'Continue to export' : 'Record as sent'}
          onCancel={() => setStep(null)}
          onDecided={(leave, filled) => decided(step.then, leave, filled)}
        />
      ) : null}
      <Modal opened={step?.kind === 'warn'} onClose={() => setStep(null)} title="Export this letter as a PDF">
        <Stack gap="sm">
          <Text size="sm">
            The PDF will be saved outside Heard's encrypted store, where anyone who can open the folder can read it.
            Save it somewhere safe, and delete it once the letter has been sent.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep(null)}>
              Cancel
            </Button>
            <Button loading={busy} onClick={() => step?.kind === 'warn' && void exportPdf(step.leave)}>
              I understand, export
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmModal
        opened={deleting}
        title="Delete this draft?"
        body="The draft leaves the case's letters. You can bring it back straight away from there."
        confirm="Delete draft"
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(false)}
      />
      <Modal opened={correcting} onClose={() => setCorrecting(false)} title="Write a correction">
        <Stack gap="sm">
          <Text size="sm">
            The letter that was sent stays as it is. The correction is a new version of it, which you can edit and send;
            it starts by saying what it changes.
          </Text>
          <Textarea
            label="What does the correction change?"
            value={changeNote}
            onChange={(e) => setChangeNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCorrecting(false)}>
              Cancel
            </Button>
            <Button disabled={!changeNote.trim()} loading={busy} onClick={() => void correct()}>
              Write the correction
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
