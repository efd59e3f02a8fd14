import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, HeardError, send } from '../../api/client';
import { feedbackModeLock } from './feedback-mode-lock';

/** The advocate's passphrase, checked by core (wrong attempts slow further tries), to leave feedback mode. */
export function LeaveFeedbackMode({
  opened,
  onClose,
  caseId,
}: {
  opened: boolean;
  onClose: () => void;
  caseId: string;
}) {
  const navigate = useNavigate();
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
      feedbackModeLock.clear();
      navigate(`/caseload/${caseId}?tab=feedback`, { replace: true });
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
              Go back to the questions
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
