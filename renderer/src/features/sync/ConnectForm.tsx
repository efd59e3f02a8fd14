import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, HeardError, send } from '../../api/client';
import { announce } from '../../api/events';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Connects this computer to the service with the address and the one-time code from a manager. */
export function ConnectForm({ onConnected }: { onConnected: () => void }) {
  const [serviceUrl, setServiceUrl] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  useEffect(() => {
    send('settings.get', {}).then(
      (s) => setServiceUrl((cur) => cur || s.serviceUrl),
      () => {},
    );
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send('sync.connect', { serviceUrl, code });
      setCode('');
      announce('sync-connected');
      onConnected();
    } catch (err) {
      setError(errorMessage(err));
      setFields(err instanceof HeardError ? (err.fields ?? {}) : {});
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="sync-connect-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sync-connect-title">
          Connect to your service
        </Title>
        <Text size="sm" c="dimmed">
          Your manager gives you the service address and a one-time enrolment code. Type all of it, including any secret
          part. The code works once and for 24 hours.
        </Text>
        <TextInput
          label="Service address"
          placeholder="https://sync.your-service.org.uk"
          value={serviceUrl}
          onChange={(e) => setServiceUrl(e.currentTarget.value)}
          error={fields.serviceUrl}
          required
          autoComplete="url"
        />
        <TextInput
          label="Enrolment code"
          placeholder="ABCD-EFGH-JKLM-NPQR · secret 7Q4M-T2XD-9KPA-WXYZ"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={fields.code}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <ProblemAlert problem={error} />
        <Button type="submit" loading={busy} w="fit-content">
          Connect
        </Button>
      </Stack>
    </form>
  );
}
