import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/ipc/vault';
import { HeardError, errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { VaultFrame } from './VaultFrame';
import { ProblemAlert } from '../shell/ProblemAlert';

export function UnlockScreen({
  retryAfterMs,
  reason,
  onDone,
}: {
  retryAfterMs: number;
  reason: string | null;
  onDone: (s: VaultStatus) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(Date.now() + retryAfterMs);
  const [now, setNow] = useState(Date.now());
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  useEffect(() => {
    announce('locked');
  }, []);
  useEffect(() => {
    if (waitSeconds === 0) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [waitSeconds]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase) return setError('Enter your passphrase.');
    setBusy(true);
    setError(null);
    try {
      onDone(await send('vault.unlock', { passphrase }));
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof HeardError && err.retryAfterMs) {
        setWaitUntil(Date.now() + err.retryAfterMs);
        setNow(Date.now());
      }
      if (err instanceof HeardError && err.code !== 'wrong_passphrase' && err.code !== 'unlock_delayed') {
        onDone(await send('vault.status', {}));
      }
      announce('unlock-failed');
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  };

  return (
    <VaultFrame
      title="Heard is locked"
      intro={reason ? lockReasonText(reason) : 'Enter your passphrase to open your records.'}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="current-password"
            autoFocus
            required
          />
          <ProblemAlert problem={error} title="Not unlocked" />
          {waitSeconds > 0 ? (
            <Text size="sm" aria-live="polite">
              You can try again in {waitSeconds} second{waitSeconds === 1 ? '' : 's'}.
            </Text>
          ) : null}
          <Button type="submit" loading={busy} disabled={waitSeconds > 0}>
            Unlock
          </Button>
        </Stack>
      </form>
    </VaultFrame>
  );
}

function lockReasonText(reason: string): string {
  switch (reason) {
    case 'idle':
      return 'Heard locked itself because nobody had used it for a while. Anything you were typing was saved.';
    case 'suspend':
    case 'lock-screen':
      return 'Heard locked itself when the computer was locked or went to sleep. Anything you were typing was saved.';
    default:
      return 'Enter your passphrase to open your records.';
  }
}
