import { Alert, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { HIT_CLOSE, HIT_OPEN, type SearchHit } from '../../../../shared/domain/fieldwork';
import { errorMessage, send } from '../../api/client';
import { formatUkDateTime } from './format';
import './fieldwork.css';

/** Splits a snippet at the private-use marks core puts around matches and highlights them. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(HIT_OPEN);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>;
        const [hit = '', rest = ''] = part.split(HIT_CLOSE);
        return (
          <Fragment key={i}>
            <mark className="heard-search-hit">{hit}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}

/** Full-text search over notes (one case's, or all of them), with the matching words highlighted. */
export function NotesSearch({
  caseId,
  onOpen,
  autoFocus,
}: {
  caseId?: string;
  onOpen: (hit: SearchHit) => void;
  autoFocus?: boolean;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      send('fieldwork.notes.search', { query: q, ...(caseId ? { caseId } : {}) })
        .then((h) => {
          if (!live) return;
          setHits(h);
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorMessage(e)));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, caseId]);

  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={caseId ? "Search this case's notes" : 'Search all notes'}
        placeholder="Words from the note, or a phrase in quotes"
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {error ? <Alert color="red">{error}</Alert> : null}
      {hits ? (
        <div role="region" aria-label="Search results" aria-live="polite">
          <Text size="sm" mb={4}>
            {hits.length === 0
              ? 'No notes match.'
              : `${hits.length} ${hits.length === 1 ? 'note matches' : 'notes match'}${hits.length >= 30 ? ' (newest shown first)' : ''}.`}
          </Text>
          <Stack gap={6}>
            {hits.map((h) => (
              <Paper key={h.noteId} withBorder p="xs">
                <UnstyledButton
                  onClick={() => onOpen(h)}
                  style={{ display: 'block', width: '100%' }}
                  data-testid="search-hit"
                >
                  <Text fw={600} size="sm">
                    {h.title || 'Untitled note'}{' '}
                    <Text span size="xs" c="dimmed" fw={400}>
                      {formatUkDateTime(h.updatedAt)}
                    </Text>
                  </Text>
                  <Text size="sm">
                    <Snippet text={h.snippet} />
                  </Text>
                </UnstyledButton>
              </Paper>
            ))}
          </Stack>
        </div>
      ) : null}
    </Stack>
  );
}
