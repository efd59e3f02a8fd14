import { Alert, Button, CopyButton, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { FeedbackAudience } from '../../../../shared/intake/online-forms';
import type { FeedbackLink } from '../../../../shared/ipc/intake';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';

const AUDIENCES: Record<FeedbackAudience, string> = {
  young_person: 'The young person (the faces form)',
  parent: 'A parent',
  carer: 'A foster carer or keyworker',
  professional: 'A professional (social worker, IRO, teacher)',
};

/**
 * Makes a one-time feedback link on the service for someone to answer on their own phone. The
 * answers are sealed in their browser and reach this case at a manager's next sync.
 */
export function SendFeedbackLink({
  caseId,
  opened,
  onClose,
}: {
  caseId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [audience, setAudience] = useState<FeedbackAudience>('young_person');
  const [link, setLink] = useState<FeedbackLink | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setLink(await send('intake.feedbackLink', { caseId, audience }));
      announce('feedback-link-made');
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setLink(null);
    setProblem(null);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Send a feedback link" centered>
      {link ? (
        <Stack>
          <Text size="sm">
            Send this link yourself, by text or email. It works once, until {formatUkDate(link.expiresAt.slice(0, 10))}.
            Anyone who has it can answer, so send it only to the person it is for.
          </Text>
          <TextInput
            label="Feedback link"
            value={link.url}
            readOnly
            data-testid="feedback-link-url"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Group justify="flex-end">
            <CopyButton value={link.url}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy the link'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={close}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Radio.Group label="Who is it for?" value={audience} onChange={(v) => setAudience(v as FeedbackAudience)}>
            <Stack gap="xs" mt="xs">
              {(Object.keys(AUDIENCES) as FeedbackAudience[]).map((a) => (
                <Radio key={a} value={a} label={AUDIENCES[a]} />
              ))}
            </Stack>
          </Radio.Group>
          {problem ? <Alert color="red">{problem}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void make()} loading={busy}>
              Make the link
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
