import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { useWriteLetter } from '../letters/useWriteLetter';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ProblemAlert } from '../shell/ProblemAlert';
import { kindWords, pastDecisionWords } from './closure-words';
import { closureOutcomeLabels } from './labels';

/** A closed case: how it ended, what became of its open work, what they were told, and what to offer next. */
export function ClosedCase({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { referral } = detail;
  const [, setParams] = useSearchParams();
  const letter = useWriteLetter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const told = referral.closureTold;
  const checklist = referral.closureChecklist ?? [];

  const reopen = async () => {
    setBusy(true);
    try {
      await send('caseload.case.reopen', { caseId: referral.id });
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Stack maw={820}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            Closed on {referral.closureDate ? formatUkDate(referral.closureDate) : 'an unrecorded date'}:{' '}
            <strong>
              {referral.closureOutcome ? closureOutcomeLabels[referral.closureOutcome] : 'no outcome recorded'}
            </strong>
          </Text>
          {referral.closureNote ? <Text size="sm">{referral.closureNote}</Text> : null}
          {told ? (
            <Text size="sm">
              Told how to complain about the service: {told.complainAboutService ? 'yes' : 'no'} · how to ask for a
              different advocate: {told.differentAdvocate ? 'yes' : 'no'} · how to come back:{' '}
              {told.comeBack ? 'yes' : 'no'}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {checklist.length > 0 ? (
        <Paper withBorder p="md" component="section" aria-label="Open work at closure">
          <Title order={3} size="h5" mb="xs">
            Open work at closure
          </Title>
          <List size="sm" spacing={4}>
            {checklist.map((d) => (
              <List.Item key={`${d.kind}-${d.id}`}>
                {kindWords[d.kind]}: {d.title} — <strong>{pastDecisionWords[d.decision]}</strong>
                {d.reason ? ` (${d.reason})` : ''}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
      <Paper withBorder p="md" component="section" aria-label="Next steps">
        <Title order={3} size="h5" mb="xs">
          Before you go
        </Title>
        <Text size="sm" mb="sm">
          Offer them the feedback form, and send the closing letter.
        </Text>
        <Group>
          <Button variant="default" onClick={() => setParams({ tab: 'feedback' }, { replace: true })}>
            Offer the feedback form
          </Button>
          <Button
            variant="default"
            loading={letter.busy}
            onClick={() => void letter.write(referral.id, 'closing-letter')}
          >
            Write the closing letter
          </Button>
        </Group>
        <ProblemAlert problem={letter.error} />
      </Paper>
      <ProblemAlert problem={error} />
      <Group>
        <Button variant="default" onClick={() => setConfirming(true)}>
          Reopen case
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Reopen this case?"
        body="Its closure date and outcome will be cleared, and it will count as open again."
        confirm="Reopen case"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void reopen()}
      />
    </Stack>
  );
}
