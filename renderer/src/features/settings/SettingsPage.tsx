import { Button, NumberInput, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/ipc/settings';
import { errorMessage, send } from '../../api/client';
import { PageHeader } from '../shell/PageHeader';
import { MyNameCard } from '../caseload/MyNameCard';
import { PassphraseMeter } from '../vault/PassphraseMeter';
import { SyncSettingsCard } from '../sync/SyncSettingsCard';
import { ProblemAlert } from '../shell/ProblemAlert';

export function SettingsPage({ onSettingsChanged }: { onSettingsChanged: (s: Settings) => void }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void send('settings.get', {}).then(setSettings);
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!settings) return;
    try {
      const saved = await send('settings.update', {
        idleLockMinutes: settings.idleLockMinutes,
        serviceUrl: settings.serviceUrl,
      });
      setSettings(saved);
      onSettingsChanged(saved);
      setError(null);
      notifications.show({ message: 'Settings saved.', color: 'teal' });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader title="Settings" />
      <Stack maw={560}>
        <Paper withBorder p="md">
          <form onSubmit={save}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                This computer
              </Title>
              <NumberInput
                label="Lock Heard after this many idle minutes"
                min={1}
                max={240}
                value={settings?.idleLockMinutes ?? 5}
                onChange={(v) =>
                  settings && setSettings({ ...settings, idleLockMinutes: typeof v === 'number' ? v : Number(v) || 5 })
                }
                disabled={!settings}
              />
              <TextInput
                label="Your service's address"
                description="Used to sync with your advocacy service. Leave empty to work only on this computer."
                placeholder="https://heard.example-advocacy.org.uk"
                value={settings?.serviceUrl ?? ''}
                onChange={(e) => settings && setSettings({ ...settings, serviceUrl: e.currentTarget.value })}
                disabled={!settings}
              />
              <ProblemAlert problem={error} />
              <Button type="submit" disabled={!settings} w="fit-content">
                Save settings
              </Button>
            </Stack>
          </form>
        </Paper>
        <SyncSettingsCard />
        <MyNameCard />
        <ChangePassphrase />
      </Stack>
    </>
  );
}

function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== confirm) return setError('The two new passphrases are not the same.');
    setBusy(true);
    try {
      await send('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setError(null);
      notifications.show({ message: 'Passphrase changed. Use the new one next time you unlock.', color: 'teal' });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Change passphrase
          </Title>
          <PasswordInput
            label="Current passphrase"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
          />
          <PasswordInput
            label="New passphrase"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            autoComplete="new-password"
          />
          <PassphraseMeter passphrase={next} />
          <PasswordInput
            label="New passphrase again"
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            autoComplete="new-password"
            error={confirm && confirm !== next ? 'The two new passphrases are not the same.' : undefined}
          />
          <ProblemAlert problem={error} />
          <Button type="submit" loading={busy} w="fit-content" disabled={!current || !next}>
            Change passphrase
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
