import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { contactTypeLabels, type Contact, type NoteSummary } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { ContactForm } from './ContactForm';
import { formatUkDateTime } from './format';
import { NoteEditor } from './NoteEditor';
import { NotesSearch } from './NotesSearch';

/** The case's contacts (visits, calls, meetings) and the notes written about them. */
export function ContactsNotesTab({ caseId }: { caseId: string }) {
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [notes, setNotes] = useState<NoteSummary[]>([]);
  const [editingContact, setEditingContact] = useState<Contact | 'new' | null>(null);
  // A search result or link may name a note to open ("?note=…").
  const [params, setParams] = useSearchParams();
  const linkedNote = params.get('note');
  const [openNote, setOpenNote] = useState<string | null>(linkedNote);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (linkedNote) setOpenNote(linkedNote);
  }, [linkedNote]);

  const reload = useCallback(async () => {
    try {
      const [c, n] = await Promise.all([
        send('fieldwork.contacts.list', { caseId }),
        send('fieldwork.notes.list', { caseId }),
      ]);
      setContacts(c);
      setNotes(n);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const newNote = async (contactId: string | null, title: string) => {
    try {
      const note = await send('fieldwork.notes.create', { caseId, contactId, title });
      setOpenNote(note.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (openNote) {
    return (
      <NoteEditor
        noteId={openNote}
        onClose={() => {
          setOpenNote(null);
          if (linkedNote) {
            setParams(
              (p) => {
                p.delete('note');
                return p;
              },
              { replace: true },
            );
          }
          void reload();
        }}
      />
    );
  }

  const contactTitle = (c: Contact) => `${contactTypeLabels[c.type]} ${formatUkDateTime(c.occurredAt)}`;

  return (
    <Stack>
      {error ? <Alert color="red">{error}</Alert> : null}
      <Group justify="space-between">
        <Title order={2} size="h4">
          Contacts
        </Title>
        <Button onClick={() => setEditingContact('new')}>Record a contact</Button>
      </Group>
      {editingContact ? (
        <ContactForm
          caseId={caseId}
          contact={editingContact === 'new' ? undefined : editingContact}
          onCancel={() => setEditingContact(null)}
          onSaved={() => {
            setEditingContact(null);
            void reload();
          }}
        />
      ) : null}
      {contacts.length === 0 ? (
        <EmptyState
          title="No contacts recorded"
          next="Record each visit, call, message or meeting with the young person, with travel time and miles."
        />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Where</Table.Th>
                <Table.Th>Minutes</Table.Th>
                <Table.Th>Travel</Table.Th>
                <Table.Th>Present</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatUkDateTime(c.occurredAt)}</Table.Td>
                  <Table.Td>{contactTypeLabels[c.type]}</Table.Td>
                  <Table.Td>{c.location}</Table.Td>
                  <Table.Td>{c.durationMinutes ?? ''}</Table.Td>
                  <Table.Td>
                    {c.travelMinutes !== null ? `${c.travelMinutes} min` : ''}
                    {c.miles !== null ? ` · ${c.miles} miles` : ''}
                  </Table.Td>
                  <Table.Td>{c.present.join(', ')}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Write a note about the ${contactTitle(c)}`}
                        onClick={() => void newNote(c.id, contactTitle(c))}
                      >
                        Write a note
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Change the ${contactTitle(c)}`}
                        onClick={() => setEditingContact(c)}
                      >
                        Change
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Group justify="space-between" mt="md">
        <Title order={2} size="h4">
          Notes
        </Title>
        <Button onClick={() => void newNote(null, '')}>New note</Button>
      </Group>
      <NotesSearch caseId={caseId} onOpen={(hit) => setOpenNote(hit.noteId)} />
      {notes.length === 0 ? (
        <EmptyState
          title="No notes yet"
          next="Write down what the young person said, in their own words where you can. Notes save as you type."
        />
      ) : (
        <Stack gap="xs">
          {notes.map((n) => (
            <Paper key={n.id} withBorder p="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Button variant="subtle" px={0} onClick={() => setOpenNote(n.id)}>
                    {n.title || 'Untitled note'}
                  </Button>
                  <Text size="sm" lineClamp={2}>
                    {n.preview}
                  </Text>
                </div>
                <Stack gap={2} align="flex-end">
                  <Text size="xs" c="dimmed">
                    {formatUkDateTime(n.updatedAt)}
                  </Text>
                  <Badge variant="default">
                    {n.versionCount} {n.versionCount === 1 ? 'version' : 'versions'}
                  </Badge>
                </Stack>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
