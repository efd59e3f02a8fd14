import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, HeardError, send } from '../../api/client';
import { formatUkDateTime } from './labels';
import { RestoreBackupForm } from './RestoreBackupForm';

/** Make an encrypted backup, or restore one (which sets today's records aside, after confirmation). */
export function BackupPanel() {
  return (
    <Stack gap="xl">
      <MakeBackup />
      <RestoreBackupForm replacing />
    </Stack>
  );
}

function MakeBackup() {
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    setDone(null);
    if (backupPassphrase !== again) {
      setFields({ again: 'The two backup passphrases are not the same.' });
      return;
    }
    setBusy(true);
    try {
      const r = await send('backup.create', { path, passphrase, backupPassphrase });
      setDone(`Backup written to ${r.path} on ${formatUkDateTime(r.createdAt)}. Keep the backup passphrase somewhere safe and separate: without it the backup cannot be opened.`);
      setPassphrase('');
      setFields({});
    } catch (e) {
      setFields(e instanceof HeardError ? (e.fields ?? {}) : {});
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack component="form" aria-label="Make a backup" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <Title order={2} size="h4">
        Make a backup
      </Title>
      <Text size="sm">The backup is encrypted with its own passphrase, so it can be kept on a USB stick or a service drive. It holds every record on this computer.</Text>
      <TextInput label="Where to save the backup (full file path)" value={path} onChange={(e) => setPath(e.currentTarget.value)} error={fields.path} required />
      <PasswordInput label="Your passphrase" description="The one you unlock Heard with" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={fields.passphrase} required />
      <PasswordInput label="Backup passphrase" value={backupPassphrase} onChange={(e) => setBackupPassphrase(e.currentTarget.value)} error={fields.backupPassphrase} required />
      <PasswordInput label="Backup passphrase again" value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={fields.again} required />
      {error ? <Alert color="red">{error}</Alert> : null}
      {done ? <Alert color="green">{done}</Alert> : null}
      <Group>
        <Button type="submit" loading={busy}>
          Make the backup
        </Button>
      </Group>
    </Stack>
  );
}
