import { Anchor, Button, List, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { assessPassphrase } from '../../../../shared/domain/passphrase';
import type { VaultStatus } from '../../../../shared/ipc/vault';
import { errorMessage, send } from '../../api/client';
import { PassphraseMeter } from './PassphraseMeter';
import { RestoreBackupForm } from '../data-protection/RestoreBackupForm';
import { SyncNotice } from '../sync/SyncNotice';
import { VaultFrame } from './VaultFrame';
import { ProblemAlert } from '../shell/ProblemAlert';

export function SetupScreen({ onDone }: { onDone: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const assessment = assessPassphrase(passphrase);
  const mismatch = confirm.length > 0 && confirm !== passphrase;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!assessment.acceptable) return setError(assessment.feedback);
    if (confirm !== passphrase) return setError('The two passphrases are not the same.');
    setBusy(true);
    setError(null);
    try {
      onDone(await send('vault.setup', { passphrase }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (restoring) {
    return (
      <VaultFrame title="Restore Heard from a backup">
        <RestoreBackupForm
          replacing={false}
          onRestored={() => void send('vault.status', {}).then(onDone, (err: unknown) => setError(errorMessage(err)))}
        />
        <ProblemAlert problem={error} />
        <Anchor component="button" type="button" size="sm" onClick={() => setRestoring(false)}>
          Back: set up with no records instead
        </Anchor>
      </VaultFrame>
    );
  }

  return (
    <VaultFrame
      title="Set up Heard on this computer"
      intro="Heard keeps every record encrypted on this computer. Choose a passphrase that only you know: you will type it each time you open Heard."
    >
      <SyncNotice />
      <List size="sm" spacing={4}>
        <List.Item>
          At least 12 characters. Three or four unrelated words are easy to remember and hard to guess.
        </List.Item>
        <List.Item>Nobody, including your service, can recover it. Keep it safe.</List.Item>
      </List>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="new-password"
            required
            data-autofocus
            autoFocus
          />
          <PassphraseMeter passphrase={passphrase} />
          <PasswordInput
            label="Type it again"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            autoComplete="new-password"
            required
            error={mismatch ? 'The two passphrases are not the same.' : undefined}
          />
          <ProblemAlert problem={error} title="Not set up yet" />
          <Button type="submit" loading={busy} disabled={!assessment.acceptable || confirm !== passphrase}>
            Create my encrypted store
          </Button>
        </Stack>
      </form>
      <Anchor component="button" type="button" size="sm" onClick={() => setRestoring(true)}>
        Moving to a new computer? Restore from a backup instead
      </Anchor>
    </VaultFrame>
  );
}
