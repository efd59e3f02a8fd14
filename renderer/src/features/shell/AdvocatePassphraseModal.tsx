import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, HeardError, send } from '../../api/client';

/**
 * The advocate's passphrase, checked by core (wrong attempts slow further tries), before a screen
 * handed to a young person may be left. `onLeave` runs only once the passphrase is right.
 */
export function AdvocatePassphraseModal({
  opened,
  onClose,
  stayLabel,
  onLeave,
}: {
  opened: boolean;
  onClose: () => void;
  /** The button that goes back to what the young person was doing. */
  stayLabel: string;
  onLeave: () => Promise<void> | void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { correct } = await send('vault.checkPassphrase', { passphrase });
      if (!correct) {
        setError('That passphrase is not right. Please give the laptop back to your advocate.');
        return;
      }
      await onLeave();
    } catch (e) {
      setError(e instanceof HeardError ? e.message : errorMessage(e));
    } finally {
      setPassphrase('');
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Advocate: enter your passphrase to leave this screen" centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <PasswordInput
            label="Advocate’s passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {stayLabel}
            </Button>
            <Button type="submit" loading={busy} disabled={!passphrase}>
              Leave
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
