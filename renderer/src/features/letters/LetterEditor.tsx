import { Anchor, Button, Group, Loader, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { sendMethodLabels, sendMethods, type DocJson, type Letter } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { downloadPdf } from '../../api/download';
import { PageHeader } from '../shell/PageHeader';
import { letterExtensions } from './letter-extensions';
import { useLetterAutosave, type SaveState } from './useLetterAutosave';
import './letters.css';
import { ProblemAlert } from '../shell/ProblemAlert';

export function LetterEditorPage() {
  const { letterId = '' } = useParams();
  const [letter, setLetter] = useState<Letter | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('letters.get', { id: letterId })
      .then((l) => {
        setLetter(l);
        announce('letter-open');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [letterId]);
  if (error) return <ProblemAlert problem={error} title="This letter could not be opened" />;
  if (!letter) return <Loader aria-label="Opening the letter" />;
  return <LoadedLetter key={letter.id} letter={letter} />;
}

function saveText(s: SaveState): string {
  if (s.kind === 'saving') return 'Saving…';
  if (s.kind === 'unsaved') return 'Changes not saved yet';
  if (s.kind === 'failed') return `Not saved: ${s.message}`;
  return 'All changes saved';
}

function LoadedLetter({ letter: initial }: { letter: Letter }) {
  const [letter, setLetter] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [recipient, setRecipient] = useState(initial.recipient ?? '');
  const fields = useRef({ title, recipient });
  fields.current = { title, recipient };
  const changedRef = useRef<() => void>(() => {});
  const editor = useEditor({
    extensions: letterExtensions,
    content: initial.body,
    immediatelyRender: true,
    onUpdate: () => changedRef.current(),
    editorProps: { attributes: { 'aria-label': 'Letter text', 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'letter-text' } },
  });
  const autosave = useLetterAutosave(letter.id, () => ({ ...fields.current, body: editor.getJSON() as DocJson }), initial.updatedAt);
  changedRef.current = autosave.changed;

  return (
    <>
      <PageHeader
        title={title || 'Letter'}
        description="Edit the letter, then export it as a PDF and record when it was sent."
        actions={<Anchor component={Link} to={`/caseload/${letter.caseId}?tab=letters`}>Case letters</Anchor>}
      />
      <Stack gap="sm">
        <Group grow align="flex-end">
          <TextInput label="Title" value={title} maxLength={200} onChange={(e) => { setTitle(e.currentTarget.value); autosave.changed(); }} onBlur={() => void autosave.save()} />
          <TextInput label="To" value={recipient} maxLength={500} onChange={(e) => { setRecipient(e.currentTarget.value); autosave.changed(); }} onBlur={() => void autosave.save()} />
        </Group>
        <Text size="sm" c={autosave.state.kind === 'failed' ? 'red' : 'dimmed'} aria-live="polite" data-testid="letter-save-state">{saveText(autosave.state)}</Text>
        <RichTextEditor editor={editor} onBlur={() => void autosave.save()}>
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.H2 />
              <RichTextEditor.H3 />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Blockquote />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
          <RichTextEditor.Content />
        </RichTextEditor>
        <SentAndExport letter={letter} onChanged={setLetter} beforeExport={autosave.save} />
      </Stack>
    </>
  );
}

function SentAndExport({ letter, onChanged, beforeExport }: { letter: Letter; onChanged: (l: Letter) => void; beforeExport: () => Promise<void> }) {
  const [sentOn, setSentOn] = useState<string | null>(letter.sentOn);
  const [method, setMethod] = useState<string | null>(letter.sentMethod);
  const dates = useDateProblems();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const recordSent = async () => {
    setError(null);
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      onChanged(await send('letters.markSent', { id: letter.id, sentOn, sentMethod: (method as Letter['sentMethod']) ?? null }));
      announce('letter-sent-recorded');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const exportPdf = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeExport();
      const out = await send('letters.exportPdf', { id: letter.id });
      downloadPdf(out.fileName, out.base64);
      setConfirming(false);
      announce('letter-exported');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" mt="md">
      <ProblemAlert problem={error} />
      <Group align="flex-end">
        <DateField label="Date sent" value={sentOn} onChange={setSentOn} notAfter={notFuture("A letter can't have been sent on a date in the future.")} onProblem={dates.on('sentOn')} />
        <Select label="How it was sent" data={sendMethods.map((m) => ({ value: m, label: sendMethodLabels[m] }))} value={method} onChange={setMethod} clearable w={200} />
        <Button variant="default" onClick={() => void recordSent()}>Record as sent</Button>
        <Button onClick={() => setConfirming(true)}>Export PDF</Button>
      </Group>
      {letter.sentOn ? <Text size="sm">Sent on {formatUkDate(letter.sentOn)}{letter.sentMethod ? ` by ${sendMethodLabels[letter.sentMethod].toLowerCase()}` : ''}.</Text> : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Export this letter as a PDF">
        <Stack gap="sm">
          <Text size="sm">
            The PDF will be saved outside Heard's encrypted store, where anyone who can open the folder can read it. Save it somewhere safe, and delete it once the letter has been sent.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>Cancel</Button>
            <Button loading={busy} onClick={() => void exportPdf()}>I understand, export</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
