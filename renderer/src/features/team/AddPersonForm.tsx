import { Button, Group, Radio, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ServicePerson } from '../../../../shared/sync/team-protocol';
import { errorMessage, send } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../shell/ErrorSummary';
import { ProblemAlert } from '../shell/ProblemAlert';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds an advocate or manager to the service; their name reaches every laptop's list at its next sync. */
export function AddPersonForm({ onAdded }: { onAdded: (p: ServicePerson) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'advocate' | 'manager'>('advocate');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: FormProblem[] = [];
    if (!name.trim()) found.push({ id: 'person-name', message: 'Enter their name.' });
    if (!EMAIL.test(email.trim()))
      found.push({ id: 'person-email', message: 'Enter an email address, like name@example.org.' });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    try {
      const person = await send('team.people.add', { name, email, role });
      setName('');
      setEmail('');
      setError(null);
      onAdded(person);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const problemFor = (id: string) => problems.find((p) => p.id === id)?.message;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-person-heading">
      <Stack gap="sm" maw={480}>
        <Title order={2} size="h4" id="add-person-heading">
          Add a person
        </Title>
        <ErrorSummary problems={problems} attempt={attempt} title="Please check these before adding" />
        <TextInput
          id="person-name"
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={problemFor('person-name')}
          required
          autoComplete="off"
        />
        <TextInput
          id="person-email"
          label="Email address"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={problemFor('person-email')}
          required
          autoComplete="off"
        />
        <Radio.Group label="Role" value={role} onChange={(v) => setRole(v === 'manager' ? 'manager' : 'advocate')}>
          <Group mt="xs">
            <Radio value="advocate" label="Advocate" />
            <Radio value="manager" label="Manager" />
          </Group>
        </Radio.Group>
        <ProblemAlert problem={error} />
        <Group>
          <Button type="submit" loading={busy}>
            Add person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
