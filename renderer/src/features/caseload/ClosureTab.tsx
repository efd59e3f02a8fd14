import { Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { ClosureTold, OpenWorkItem } from '../../../../shared/domain/closure';
import type { ClosureOutcome, IssueOutcome } from '../../../../shared/domain/codes';
import { formatUkDate, todayIso } from '../../../../shared/domain/dates';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ErrorSummary, type FormProblem } from '../shell/ErrorSummary';
import { DateField, notFuture } from '../shell/DateField';
import { ProblemAlert } from '../shell/ProblemAlert';
import { ClosedCase } from './ClosedCase';
import { closureOutcomeLabels, issueLabels, issueOutcomeLabels, optionsOf } from './labels';
import { checklistProblems, OpenWorkChecklist, type Choice } from './OpenWorkChecklist';

const toldWords: Record<keyof ClosureTold, string> = {
  complainAboutService: 'How to complain about the advocacy service',
  differentAdvocate: 'How to ask for a different advocate',
  comeBack: 'How to come back to the service later',
};
const toldKeys = Object.keys(toldWords) as (keyof ClosureTold)[];

/**
 * Closing a case: first its open work, each piece settled, carried on or cancelled; then the
 * outcome, and what the young person was told on leaving. Once closed, the feedback form and
 * the closing letter are offered.
 */
export function ClosureTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { referral } = detail;
  const [date, setDate] = useState<string | null>(todayIso());
  const [outcome, setOutcome] = useState<ClosureOutcome | null>(null);
  const [note, setNote] = useState('');
  const [issueOutcomes, setIssueOutcomes] = useState<Record<string, IssueOutcome | null>>(() =>
    Object.fromEntries(detail.issues.map((i) => [i.id, i.outcome])),
  );
  const [openWork, setOpenWork] = useState<OpenWorkItem[] | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [told, setTold] = useState<ClosureTold>({
    complainAboutService: false,
    differentAdvocate: false,
    comeBack: false,
  });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadOpenWork = useCallback(() => {
    send('caseload.case.openWork', { caseId: referral.id }).then(setOpenWork, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [referral.id]);
  useEffect(() => {
    if (referral.status !== 'closed') loadOpenWork();
  }, [loadOpenWork, referral.status]);

  if (referral.status === 'closed') return <ClosedCase detail={detail} onChanged={onChanged} />;
  if (openWork === null) return error ? <ProblemAlert problem={error} /> : null;

  // Losing touch means they could not be told; otherwise each must be ticked.
  const toldNeeded = outcome !== 'lost_contact';
  const check = (): FormProblem[] => [
    ...checklistProblems(openWork, choices),
    ...(date ? [] : [{ id: 'closure-date', message: 'Enter the closure date.' }]),
    ...(outcome ? [] : [{ id: 'closure-outcome', message: 'Choose how the case ended.' }]),
    ...(toldNeeded
      ? toldKeys
          .filter((k) => !told[k])
          .map((k) => ({ id: `told-${k}`, message: `Tell them, and tick: ${toldWords[k].toLowerCase()}.` }))
      : []),
  ];

  const close = async () => {
    setBusy(true);
    try {
      await send('caseload.case.close', {
        caseId: referral.id,
        closureDate: date ?? todayIso(),
        closureOutcome: outcome ?? 'outcome_unknown',
        closureNote: note,
        issueOutcomes: Object.entries(issueOutcomes).flatMap(([issueId, o]) => (o ? [{ issueId, outcome: o }] : [])),
        decisions: openWork.flatMap((item) => {
          const c = choices[item.id];
          return c?.decision
            ? [{ kind: item.kind, id: item.id, decision: c.decision, reason: c.reason.trim() || undefined }]
            : [];
        }),
        told,
      });
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
      // Work may have been added or settled elsewhere meanwhile: show the list as it is now.
      loadOpenWork();
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const counts = (d: string) => openWork.filter((i) => choices[i.id]?.decision === d).length;
  return (
    <Stack gap="md" maw={820}>
      <ErrorSummary problems={problems} attempt={attempt} title="Before this case can close" />
      <OpenWorkChecklist
        caseId={referral.id}
        items={openWork}
        choices={choices}
        onChoose={(id, c) => setChoices((all) => ({ ...all, [id]: c }))}
      />
      <Paper withBorder p="md" component="section" aria-label="Close case">
        <Stack gap="sm">
          <Title order={3} size="h5">
            How the case ended
          </Title>
          <DateField
            id="closure-date"
            label="Closure date"
            value={date}
            onChange={setDate}
            required
            notAfter={notFuture("A closure date can't be in the future.")}
            notBefore={
              referral.referralDate
                ? { iso: referral.referralDate, message: 'A case cannot close before its referral date.' }
                : undefined
            }
          />
          <Select
            id="closure-outcome"
            label="Closure outcome"
            data={optionsOf(closureOutcomeLabels)}
            value={outcome}
            onChange={(v) => setOutcome(v as ClosureOutcome | null)}
            required
            error={problems.find((p) => p.id === 'closure-outcome')?.message}
          />
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
          <Textarea
            label="Closing note (optional)"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="fieldset" aria-label="What the young person was told">
        <Title order={3} size="h5" mb="xs">
          What the young person was told
        </Title>
        <Stack gap="xs">
          {toldKeys.map((k) => (
            <Checkbox
              key={k}
              id={`told-${k}`}
              label={toldWords[k]}
              checked={told[k]}
              onChange={(e) => setTold({ ...told, [k]: e.currentTarget.checked })}
            />
          ))}
          {!toldNeeded ? (
            <Text size="sm" c="dimmed">
              Contact was lost, so tick only what they were told before.
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <ProblemAlert problem={error} />
      <Group>
        <Button
          color="red"
          onClick={() => {
            const found = check();
            setProblems(found);
            setAttempt((n) => n + 1);
            if (found.length === 0) setConfirming(true);
          }}
        >
          Close case
        </Button>
      </Group>
      <ConfirmModal
        opened={confirming}
        title="Close this case?"
        body={`It will be closed on ${date ? formatUkDate(date) : ''} as “${outcome ? closureOutcomeLabels[outcome] : ''}”.${
          openWork.length > 0
            ? ` Of its open work, ${counts('settle')} will be settled, ${counts('carry')} carried on and ${counts('cancel')} cancelled.`
            : ''
        } You can reopen it later if you need to.`}
        confirm="Close case"
        danger
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void close()}
      />
    </Stack>
  );
}
