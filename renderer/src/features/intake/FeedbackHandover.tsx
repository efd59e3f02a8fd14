import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { feedbackModePath } from './feedback-mode-lock';
import { SendFeedbackLink } from './SendFeedbackLink';

/** Two ways for people to answer for themselves: the laptop handed over, or a one-time link. */
export function FeedbackHandover({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const [linking, setLinking] = useState(false);
  return (
    <Group gap="sm" align="center">
      <Text size="sm">Let them answer themselves:</Text>
      <Button
        size="xs"
        variant="light"
        onClick={() => {
          if (
            window.confirm(
              'Hand the laptop to the young person? Only the feedback questions will be on screen; you will need your passphrase to leave.',
            )
          )
            navigate(feedbackModePath(caseId));
        }}
      >
        Hand over the laptop
      </Button>
      <Button size="xs" variant="light" onClick={() => setLinking(true)}>
        Send a feedback link
      </Button>
      <SendFeedbackLink caseId={caseId} opened={linking} onClose={() => setLinking(false)} />
    </Group>
  );
}
