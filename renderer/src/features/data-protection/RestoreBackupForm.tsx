import { Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, HeardError, send } from '../../api/client';
import { ConfirmModal } from '../shell/ConfirmModal';
import { BackupFileField, useFileAccess, type BackupFile } from './BackupFileField';
import { ProblemAlert } from '../shell/ProblemAlert';

/**
 * Restores an encrypted backup. `replacing`: this computer already holds records, which are set
 * aside (kept, renamed) only after the advocate confirms; otherwise (a new computer, from the
 * set-up screen) there is nothing to set aside and nothing to confirm.
 */
export function RestoreBackupForm({ replacing, onRestored }: { replacing: boolean; onRestored?: () => void }) {
  const mode = useFileAccess();
  const [file, setFile] = useState<BackupFile>(null);
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      // Heard locks while it swaps the records; the lock screen then opens the restored ones.
      await send('backup.restore', {
        ...(file && 'path' in file ? { path: file.path } : file ? { upload: file.upload } : {}),
        backupPassphrase,
        newPassphrase,
        replace: replacing,
      });
      onRestored?.();
    } catch (e) {
      setFields(e instanceof HeardError ? (e.fields ?? {}) : {});
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      component="form"
      aria-label="Restore a backup"
      onSubmit={(e) => (e.preventDefault(), replacing ? setConfirming(true) : void restore())}
    >
      <Title order={2} size="h4">
        Restore a backup
      </Title>
      <Text size="sm">
        {replacing
          ? 'Restoring replaces the records on this computer with the backup’s. Today’s records are not deleted: they are kept beside, renamed, in Heard’s data folder.'
          : 'Put the records from a Heard backup (made on another computer, or before this one was reinstalled) onto this computer. You need the backup file and the passphrase it was made with.'}
      </Text>
      <Text size="sm">
        If you sync with your service, the restored records are not connected to it: connect again on the Sync screen
        with a new enrolment code, and changes waiting in the backup are sent then.
      </Text>
      {mode ? <BackupFileField purpose="open" mode={mode} value={file} onChange={setFile} error={fields.path} /> : null}
      <PasswordInput
        label="Backup passphrase"
        value={backupPassphrase}
        onChange={(e) => setBackupPassphrase(e.currentTarget.value)}
        error={fields.backupPassphrase}
        required
      />
      <PasswordInput
        label="New passphrase for the restored records"
        value={newPassphrase}
        onChange={(e) => setNewPassphrase(e.currentTarget.value)}
        error={fields.newPassphrase}
        required
      />
      <ProblemAlert problem={error} />
      <Group>
        <Button
          type="submit"
          color={replacing ? 'red' : undefined}
          variant={replacing ? 'outline' : 'filled'}
          loading={busy}
        >
          {replacing ? 'Restore…' : 'Restore the backup'}
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Replace the records on this computer?"
        body="The records on this computer will be set aside (kept, renamed) and the backup’s records put in their place. Heard will lock; unlock it with the new passphrase."
        cancel="Keep today’s records"
        confirm="Replace with the backup"
        danger
        onConfirm={() => void restore()}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
