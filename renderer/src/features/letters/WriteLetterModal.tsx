import { Button, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { OwnWordsChoice } from '../../../../shared/ipc/letters';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useWriteLetter } from './useWriteLetter';

const NONE = 'none';

/**
 * Writes a letter from a template: the advocate chooses which of the young person's own words,
 * already recorded in notes or wishes and feelings, the letter quotes (or none, to write them in).
 */
export function WriteLetterModal({
  caseId,
  templateId,
  title,
  complaintId,
  onClose,
}: {
  caseId: string;
  templateId: string;
  title: string;
  complaintId: string | null;
  onClose: () => void;
}) {
  const [choices, setChoices] = useState<OwnWordsChoice[] | null>(null);
  const [chosen, setChosen] = useState<string>(NONE);
  const [error, setError] = useState<string | null>(null);
  const { write, error: writeError, busy } = useWriteLetter();

  useEffect(() => {
    send('letters.ownWordsChoices', { caseId })
      .then((c) => {
        setChoices(c);
        setChosen(c.length ? '0' : NONE);
        announce('own-words-listed');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [caseId]);

  const ownWords = chosen === NONE ? null : (choices?.[Number(chosen)]?.text ?? null);
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Write: ${title}`} size="lg">
      <Stack gap="sm">
        <ProblemAlert problem={error ?? writeError} />
        {!choices && !error ? <Loader size="sm" aria-label="Finding the young person's words" /> : null}
        {choices ? (
          <Radio.Group
            label="The young person's own words in the letter"
            description="Chosen from what is recorded on the case: words marked as theirs in notes, and wishes and feelings."
            value={chosen}
            onChange={setChosen}
          >
            <Stack gap="xs" mt="xs">
              {choices.map((c, i) => (
                <Radio
                  key={`${i}-${c.label}`}
                  value={String(i)}
                  label={
                    <Text size="sm" dir="auto">
                      “{c.text}”
                    </Text>
                  }
                  description={c.label}
                />
              ))}
              <Radio value={NONE} label="None of these: I will write them in the letter" />
            </Stack>
          </Radio.Group>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={busy}
            disabled={!choices}
            onClick={() => void write(caseId, templateId, complaintId, ownWords)}
          >
            Write letter
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
