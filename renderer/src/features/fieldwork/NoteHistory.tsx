import { Alert, Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useState } from 'react';
import type { NoteVersion, RichNode } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { noteExtensions } from './editor-extensions';
import { formatUkDateTime } from './format';

const REASONS: Record<string, string> = {
  autosave: 'While typing',
  blur: 'Left the note',
  lock: 'Before locking',
  leave: 'Closed the note',
};
const reasonText = (r: string): string =>
  r.startsWith('restore:') ? `Restored version ${r.slice(8)}` : (REASONS[r] ?? r);

/** Every saved version of a note: open one to read it, and put it back if needed. */
export function NoteHistory({
  noteId,
  beforeRestore,
  onRestored,
}: {
  noteId: string;
  beforeRestore: () => Promise<void>;
  onRestored: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<NoteVersion[]>([]);
  const [shown, setShown] = useState<(NoteVersion & { body: RichNode }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = async () => {
    setError(null);
    setShown(null);
    try {
      await beforeRestore();
      setVersions(await send('fieldwork.notes.versions', { noteId }));
      setOpen(true);
    } catch (e) {
      setError(errorMessage(e));
      setOpen(true);
    }
  };

  const restore = async (versionId: string) => {
    try {
      await beforeRestore();
      await send('fieldwork.notes.restore', { versionId });
      setOpen(false);
      onRestored();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <Button variant="default" onClick={() => void show()}>
        Earlier versions
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Earlier versions of this note" size="xl">
        <Stack>
          {error ? <Alert color="red">{error}</Alert> : null}
          {versions.length === 0 ? <Text size="sm">No versions have been saved yet.</Text> : null}
          {shown ? (
            <VersionView version={shown} onBack={() => setShown(null)} onRestore={() => void restore(shown.id)} />
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Saved</Table.Th>
                  <Table.Th>When</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Open</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.number}</Table.Td>
                    <Table.Td>{formatUkDateTime(v.savedAt)}</Table.Td>
                    <Table.Td>{reasonText(v.reason)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Open version ${v.number}`}
                        onClick={() =>
                          void send('fieldwork.notes.version', { versionId: v.id }).then(setShown, (e: unknown) =>
                            setError(errorMessage(e)),
                          )
                        }
                      >
                        Open
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Modal>
    </>
  );
}

function VersionView({
  version,
  onBack,
  onRestore,
}: {
  version: NoteVersion & { body: RichNode };
  onBack: () => void;
  onRestore: () => void;
}) {
  const editor = useEditor({
    extensions: noteExtensions,
    content: version.body,
    editable: false,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': `Version ${version.number} of the note`, role: 'document' } },
  });
  return (
    <Stack>
      <Title order={3} size="h5">
        Version {version.number}, saved {formatUkDateTime(version.savedAt)}: {version.title || 'Untitled'}
      </Title>
      <div
        className="heard-note-content"
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: 12 }}
      >
        <EditorContent editor={editor} />
      </div>
      <Group>
        <Button onClick={onRestore}>Restore this version</Button>
        <Button variant="default" onClick={onBack}>
          Back to the list
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Restoring makes this the current text. The text it replaces is kept as a version too.
      </Text>
    </Stack>
  );
}
