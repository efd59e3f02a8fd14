import { Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, send } from '../../api/client';
import { ProblemAlert } from '../shell/ProblemAlert';

/** The advocate's own name, used for "allocated to me" and on letters. Shown in Settings. */
export function MyNameCard() {
  const [name, setName] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void send('caseload.me.get', {}).then((me) => {
      setName(me.named ? me.advocate.name : '');
      setLoaded(true);
    });
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('caseload.me.setName', { name });
      setError(null);
      notifications.show({ message: 'Your name is saved.', color: 'teal' });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={save}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            You
          </Title>
          <TextInput
            label="Your name"
            description="Shown on cases allocated to you and on letters."
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            disabled={!loaded}
          />
          <ProblemAlert problem={error} />
          <Button type="submit" w="fit-content" disabled={!loaded || !name.trim()}>
            Save my name
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
