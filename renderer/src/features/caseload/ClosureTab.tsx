import { Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ClosureOutcome, IssueOutcome } from '../../../../shared/domain/codes';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { ConfirmModal } from '../shell/ConfirmModal';
import { closureOutcomeLabels, issueLabels, issueOutcomeLabels, optionsOf } from './labels';
import { DateField, notFuture } from '../shell/DateField';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Closing a case needs one of the five closure outcomes; each issue can be given its outcome at the same time. */
export function ClosureTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { referral } = detail;
  const [date, setDate] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<ClosureOutcome | null>(null);
  const [note, setNote] = useState('');
  const [issueOutcomes, setIssueOutcomes] = useState<Record<string, IssueOutcome | null>>(() =>
    Object.fromEntries(detail.issues.map((i) => [i.id, i.outcome])),
  );
  const [confirming, setConfirming] = useState<'close' | 'reopen' | null>(null);
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  if (referral.status === 'closed') {
    return (
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            Closed on {referral.closureDate ? formatUkDate(referral.closureDate) : 'an unrecorded date'}:{' '}
            <strong>{referral.closureOutcome ? closureOutcomeLabels[referral.closureOutcome] : 'no outcome recorded'}</strong>
          </Text>
          {referral.closureNote ? <Text size="sm">{referral.closureNote}</Text> : null}
          <ProblemAlert problem={error} />
          <Group>
            <Button variant="default" onClick={() => setConfirming('reopen')}>
              Reopen case
            </Button>
          </Group>
        </Stack>
        <ConfirmModal
          opened={confirming === 'reopen'}
          title="Reopen this case?"
          body="Its closure date and outcome will be cleared, and it will count as open again."
          confirm="Reopen case"
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void act(() => send('caseload.case.reopen', { caseId: referral.id }))}
        />
      </Paper>
    );
  }

  const missing = tried && !outcome ? 'Choose how the case ended.' : undefined;
  return (
    <Paper withBorder p="md" component="section" aria-label="Close case">
      <Stack gap="sm" maw={640}>
        <DateField
          label="Closure date"
          value={date}
          onChange={setDate}
          required
          error={tried && !date ? 'Enter the closure date.' : undefined}
          notAfter={notFuture("A closure date can't be in the future.")}
          notBefore={referral.referralDate ? { iso: referral.referralDate, message: 'A case cannot close before its referral date.' } : undefined}
        />
        <Select label="Closure outcome" data={optionsOf(closureOutcomeLabels)} value={outcome} onChange={(v) => setOutcome(v as ClosureOutcome | null)} required error={missing} />
        {detail.issues.map((i) => (
          <Select
            key={i.id}
            label={`Outcome for ${issueLabels[i.code]}`}
            data={optionsOf(issueOutcomeLabels)}
            value={issueOutcomes[i.id] ?? null}
            onChange={(v) => setIssueOutcomes((o) => ({ ...o, [i.id]: v as IssueOutcome | null }))}
            clearable
          />
        ))}
        <Textarea label="Closing note (optional)" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ProblemAlert problem={error} />
        <Group>
          <Button
            color="red"
            onClick={() => {
              setTried(true);
              if (outcome && date) setConfirming('close');
            }}
          >
            Close case
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirming === 'close'}
        title="Close this case?"
        body={`It will be closed on ${date ? formatUkDate(date) : ''} as “${outcome ? closureOutcomeLabels[outcome] : ''}”. You can reopen it later if you need to.`}
        confirm="Close case"
        danger
        busy={busy}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          void act(() =>
            send('caseload.case.close', {
              caseId: referral.id,
              closureDate: date ?? todayIso(),
              closureOutcome: outcome ?? 'outcome_unknown',
              closureNote: note,
              issueOutcomes: Object.entries(issueOutcomes).flatMap(([issueId, o]) => (o ? [{ issueId, outcome: o }] : [])),
            }),
          )
        }
      />
    </Paper>
  );
}
