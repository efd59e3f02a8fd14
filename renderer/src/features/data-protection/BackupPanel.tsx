import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, HeardError, send } from '../../api/client';
import { base64ToBytes, downloadFile } from '../../api/download';
import { BackupFileField, useFileAccess, type BackupFile } from './BackupFileField';
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
  const mode = useFileAccess();
  const [file, setFile] = useState<BackupFile>(null);
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
    if (mode === 'dialog' && !(file && 'path' in file)) {
      setFields({ path: 'Choose where to save the backup.' });
      return;
    }
    setBusy(true);
    try {
      const r = await send('backup.create', {
        path: file && 'path' in file ? file.path : undefined,
        passphrase,
        backupPassphrase,
      });
      if (r.download) downloadFile(r.download.fileName, base64ToBytes(r.download.base64), 'application/octet-stream');
      const where = r.path ? `written to ${r.path}` : `downloaded as ${r.download?.fileName ?? 'a file'}`;
      setDone(
        `Backup ${where} on ${formatUkDateTime(r.createdAt)}. Keep the backup passphrase somewhere safe and separate: without it the backup cannot be opened.`,
      );
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
      <Text size="sm">
        The backup is encrypted with its own passphrase, so it can be kept on a USB stick or a service drive. It holds
        every record on this computer.
      </Text>
      {mode ? <BackupFileField purpose="save" mode={mode} value={file} onChange={setFile} error={fields.path} /> : null}
      <PasswordInput
        label="Your passphrase"
        description="The one you unlock Heard with"
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
        error={fields.passphrase}
        required
      />
      <PasswordInput
        label="Backup passphrase"
        value={backupPassphrase}
        onChange={(e) => setBackupPassphrase(e.currentTarget.value)}
        error={fields.backupPassphrase}
        required
      />
      <PasswordInput
        label="Backup passphrase again"
        value={again}
        onChange={(e) => setAgain(e.currentTarget.value)}
        error={fields.again}
        required
      />
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
