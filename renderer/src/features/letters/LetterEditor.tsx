import { Anchor, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { DocJson, Letter } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { PageHeader } from '../shell/PageHeader';
import { LetterActions } from './LetterActions';
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
  const locked = letter.sentOn !== null;
  const fields = useRef({ title, recipient });
  fields.current = { title, recipient };
  const changedRef = useRef<() => void>(() => {});
  const editor = useEditor({
    extensions: letterExtensions,
    content: initial.body,
    editable: initial.sentOn === null,
    immediatelyRender: true,
    onUpdate: () => changedRef.current(),
    editorProps: {
      attributes: {
        'aria-label': 'Letter text',
        'aria-multiline': 'true',
        role: 'textbox',
        'data-testid': 'letter-text',
      },
    },
  });
  const autosave = useLetterAutosave(
    letter.id,
    () => ({ ...fields.current, body: editor.getJSON() as DocJson }),
    initial.updatedAt,
  );
  changedRef.current = locked ? () => {} : autosave.changed;
  const saveUnlessLocked = () => void (locked ? undefined : autosave.save());
  useEffect(() => {
    editor.setEditable(!locked);
    if (locked) editor.view.dom.setAttribute('aria-readonly', 'true');
    else editor.view.dom.removeAttribute('aria-readonly');
  }, [editor, locked]);

  const changed = (next: Letter, bodyChanged: boolean) => {
    if (bodyChanged) editor.commands.setContent(next.body, { emitUpdate: false });
    setLetter(next);
  };

  return (
    <>
      <PageHeader
        title={title || 'Letter'}
        description={
          locked
            ? 'This letter has been sent. It is kept as it was sent; a correction is a new version.'
            : 'Edit the letter, then export it as a PDF and record when it was sent.'
        }
        actions={
          <Anchor component={Link} to={`/caseload/${letter.caseId}?tab=letters`}>
            Case letters
          </Anchor>
        }
      />
      <Stack gap="sm">
        {letter.versionOf ? (
          <Text size="sm">
            Version {letter.version}, correcting{' '}
            <Anchor component={Link} to={`/letters/${letter.versionOf}`}>
              the letter sent before
            </Anchor>
            . What changed: {letter.changeNote}
          </Text>
        ) : null}
        <Group grow align="flex-end">
          <TextInput
            label="Title"
            value={title}
            maxLength={200}
            readOnly={locked}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              autosave.changed();
            }}
            onBlur={saveUnlessLocked}
          />
          <TextInput
            label="To"
            value={recipient}
            maxLength={500}
            readOnly={locked}
            onChange={(e) => {
              setRecipient(e.currentTarget.value);
              autosave.changed();
            }}
            onBlur={saveUnlessLocked}
          />
        </Group>
        {locked ? null : (
          <Text
            size="sm"
            c={autosave.state.kind === 'failed' ? 'red' : 'dimmed'}
            aria-live="polite"
            data-testid="letter-save-state"
          >
            {saveText(autosave.state)}
          </Text>
        )}
        <RichTextEditor editor={editor} onBlur={saveUnlessLocked}>
          {locked ? null : (
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
          )}
          <RichTextEditor.Content />
        </RichTextEditor>
        <LetterActions letter={letter} onChanged={changed} beforeAction={autosave.save} />
      </Stack>
    </>
  );
}
