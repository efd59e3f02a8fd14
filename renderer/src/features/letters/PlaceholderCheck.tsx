import { Button, Checkbox, Group, Loader, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Letter } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { ProblemAlert } from '../shell/ProblemAlert';

interface Choice {
  fill: string;
  leave: boolean;
}

/**
 * Before a letter is exported or recorded as sent: every [placeholder] still in it, each to be
 * filled in or deliberately left as written. Nothing half-finished leaves by accident.
 */
export function PlaceholderCheck({
  letterId,
  action,
  onCancel,
  onDecided,
}: {
  letterId: string;
  /** What happens next, for the button: "Export PDF", "Record as sent". */
  action: string;
  onCancel: () => void;
  onDecided: (leave: string[], filled: Letter | null) => void;
}) {
  const [placeholders, setPlaceholders] = useState<string[] | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Listed once when the check opens (the letter is saved just before).
  const decidedRef = useRef(onDecided);
  decidedRef.current = onDecided;

  useEffect(() => {
    send('letters.placeholders', { id: letterId })
      .then(({ placeholders: found, left }) => {
        const open = found.filter((p) => !left.includes(p));
        if (open.length === 0) decidedRef.current(left, null);
        else {
          setPlaceholders(open);
          announce('placeholders-listed');
        }
      })
      .catch((e) => setError(errorMessage(e)));
  }, [letterId]);

  const choice = (p: string): Choice => choices[p] ?? { fill: '', leave: false };
  const set = (p: string, c: Partial<Choice>) => setChoices((all) => ({ ...all, [p]: { ...choice(p), ...c } }));
  const decided = placeholders?.every((p) => choice(p).leave || choice(p).fill.trim() !== '') ?? false;

  const carryOn = async () => {
    if (!placeholders) return;
    setBusy(true);
    setError(null);
    try {
      const fills = Object.fromEntries(
        placeholders.filter((p) => !choice(p).leave).map((p) => [p, choice(p).fill.trim()]),
      );
      const filled = Object.keys(fills).length ? await send('letters.fillPlaceholders', { id: letterId, fills }) : null;
      onDecided(
        placeholders.filter((p) => choice(p).leave),
        filled,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={onCancel}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Placeholders still in this letter"
      size="lg"
    >
      <Stack gap="sm">
        <ProblemAlert problem={error} />
        {!placeholders && !error ? <Loader size="sm" aria-label="Checking the letter" /> : null}
        {placeholders ? (
          <>
            <Text size="sm">
              {placeholders.length === 1
                ? 'This part of the letter is'
                : `These ${placeholders.length} parts of the letter are`}{' '}
              still in [square brackets]. Type what should go in each place, or tick to leave it as written.
            </Text>
            {placeholders.map((p) => (
              <Paper key={p} withBorder p="sm" component="fieldset" aria-label={p} style={{ margin: 0 }}>
                <Text size="sm" fw={600} mb={4} dir="auto">
                  {p}
                </Text>
                <Group align="flex-end" grow>
                  <TextInput
                    label="Fill with"
                    value={choice(p).fill}
                    disabled={choice(p).leave}
                    onChange={(e) => set(p, { fill: e.currentTarget.value })}
                    maxLength={5000}
                  />
                  <Checkbox
                    label="Leave it as written"
                    checked={choice(p).leave}
                    onChange={(e) => set(p, { leave: e.currentTarget.checked })}
                  />
                </Group>
              </Paper>
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                Back to the letter
              </Button>
              <Button disabled={!decided} loading={busy} onClick={() => void carryOn()}>
                {action}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Modal>
  );
}
