import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage, HeardError, send } from '../../api/client';
import { ProblemAlert } from '../shell/ProblemAlert';

/** For a manager's new laptop when no other holds the key: the printed recovery key, typed in. */
export function RestoreCard({ onRestored }: { onRestored: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await send('laptops.restore', { recoveryKey: text });
      setText('');
      onRestored();
    } catch (err) {
      setProblem(errorMessage(err));
      setField(err instanceof HeardError ? err.fields?.recoveryKey : undefined);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="restore-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="restore-title">
          This laptop does not hold your organisation’s key
        </Title>
        <Text size="sm">
          Another manager’s laptop can give it the key from its Laptops screen. If no such laptop is left, type the
          printed recovery key.
        </Text>
        <TextInput
          label="Recovery key"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={field}
          autoComplete="off"
          spellCheck={false}
        />
        <ProblemAlert problem={problem} />
        <Button type="submit" loading={busy} w="fit-content">
          Recover the key
        </Button>
      </Stack>
    </form>
  );
}
