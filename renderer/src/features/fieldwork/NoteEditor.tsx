import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { YOUNG_PERSON_WORDS_MARK, type Note, type RichNode } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { noteExtensions } from './editor-extensions';
import { savedTime } from './format';
import { NoteHistory } from './NoteHistory';
import { useNoteAutosave, type SaveStatus } from './useNoteAutosave';
import './fieldwork.css';

/** Opens one note for writing. Everything typed is saved to the encrypted store as it goes. */
export function NoteEditor({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const [note, setNote] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setNote(null);
    send('fieldwork.notes.get', { id: noteId })
      .then((n) => live && setNote(n))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [noteId, generation]);

  if (error)
    return (
      <Alert color="red" title="This note could not be opened">
        {error}
      </Alert>
    );
  if (!note) return <Loader aria-label="Opening the note" />;
  return (
    <LoadedNote
      key={`${note.id}:${generation}`}
      note={note}
      onClose={onClose}
      onRestored={() => setGeneration((g) => g + 1)}
    />
  );
}

function LoadedNote({ note, onClose, onRestored }: { note: Note; onClose: () => void; onRestored: () => void }) {
  const [title, setTitle] = useState(note.title);
  const titleRef = useRef(title);
  const changedRef = useRef<() => void>(() => {});
  const saveRef = useRef<(reason: 'blur') => Promise<void>>(() => Promise.resolve());

  const editor = useEditor({
    extensions: noteExtensions,
    content: note.body,
    immediatelyRender: true,
    onUpdate: () => changedRef.current(),
    onBlur: () => void saveRef.current('blur'),
    editorProps: {
      attributes: { 'aria-label': 'Note text', 'aria-multiline': 'true', role: 'textbox', 'data-testid': 'note-text' },
    },
  });
  const autosave = useNoteAutosave(
    note.id,
    () => ({ title: titleRef.current, body: editor.getJSON() as RichNode }),
    note.updatedAt || null,
  );
  changedRef.current = autosave.changed;
  saveRef.current = autosave.save;

  const ownWordsActive = useEditorState({ editor, selector: (s) => s.editor.isActive(YOUNG_PERSON_WORDS_MARK) });

  const close = async () => {
    await autosave.save('leave');
    onClose();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <TextInput
          label="Title"
          value={title}
          maxLength={300}
          style={{ flex: 1 }}
          onChange={(e) => {
            titleRef.current = e.currentTarget.value;
            setTitle(e.currentTarget.value);
            autosave.changed();
          }}
          onBlur={() => void autosave.save('blur')}
        />
        <NoteHistory noteId={note.id} beforeRestore={() => autosave.save('leave')} onRestored={onRestored} />
        <Button variant="default" onClick={() => void close()}>
          Close note
        </Button>
      </Group>
      <RichTextEditor editor={editor} labels={{ boldControlLabel: 'Bold', italicControlLabel: 'Italic' }}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Control
              onClick={() => editor.chain().focus().toggleMark(YOUNG_PERSON_WORDS_MARK).run()}
              active={ownWordsActive}
              aria-pressed={ownWordsActive}
              aria-label="Young person's own words"
              title="Young person's own words (Ctrl+Shift+Y)"
              style={{ width: 'auto', paddingInline: 8 }}
            >
              “Their words”
            </RichTextEditor.Control>
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content className="heard-note-content" />
      </RichTextEditor>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          Words in <q className="heard-young-person-words">this style</q> are the young person's own words. Select text
          and press “Their words” (or Ctrl+Shift+Y).
        </Text>
        <SaveState status={autosave.status} />
      </Group>
    </Stack>
  );
}

function SaveState({ status }: { status: SaveStatus }) {
  const text =
    status.state === 'saved'
      ? status.at
        ? `Saved at ${savedTime(status.at)}`
        : 'Nothing to save yet'
      : status.state === 'saving'
        ? 'Saving…'
        : status.state === 'unsaved'
          ? 'Not saved yet'
          : `Not saved: ${status.message}`;
  return (
    <Text
      size="xs"
      c={status.state === 'failed' ? 'red.8' : 'dimmed'}
      aria-live="polite"
      data-testid="note-save-state"
      data-state={status.state}
    >
      {text}
    </Text>
  );
}
