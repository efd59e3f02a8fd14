import { Alert, Button, Group, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { OnlineReferralInfo } from '../../../../shared/ipc/intake';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';

/**
 * Above an online referral's tabs: where it came from, and a young person already known who may
 * be the same one, for a manager to confirm or dismiss. Nothing is joined until they say.
 */
export function OnlineReferralBanner({ caseId }: { caseId: string }) {
  const [info, setInfo] = useState<OnlineReferralInfo | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    send('intake.referralInfo', { caseId })
      .then(setInfo)
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [caseId]);
  useEffect(load, [load]);

  const decide = async (decision: 'confirmed' | 'dismissed') => {
    setBusy(true);
    try {
      setInfo(await send('intake.decideMatch', { caseId, decision }));
      setProblem(null);
      announce('intake-match-decided');
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (problem)
    return (
      <Alert color="red" mb="md" title="The online referral's details could not be shown">
        {problem}
      </Alert>
    );
  if (!info?.receivedOnline) return null;
  const m = info.match;
  return (
    <Alert color="blue" mb="md" title="This referral came through the online form" data-testid="online-referral-banner">
      <Text size="sm">
        It was sent encrypted and opened on a manager&apos;s computer. Check the details with the referrer before
        allocating.
      </Text>
      {info.decision === 'confirmed' ? (
        <Text size="sm" mt="xs">
          A manager confirmed this is a young person already known; the referral is joined to their record.
        </Text>
      ) : null}
      {info.decision === 'dismissed' ? (
        <Text size="sm" mt="xs">
          A manager said this is not the young person it looked like.
        </Text>
      ) : null}
      {m ? (
        <div role="group" aria-label="Possible match">
          <Text size="sm" mt="sm" fw={600}>
            Possibly already known: {m.displayName}
            {m.dateOfBirth ? `, born ${formatUkDate(m.dateOfBirth)}` : ''}
            {m.references.length ? ` (referral ${m.references.join(', ')})` : ''}. Is this the same young person?
          </Text>
          <Group mt="xs">
            <Button size="xs" onClick={() => void decide('confirmed')} loading={busy}>
              Yes, the same young person
            </Button>
            <Button size="xs" variant="default" onClick={() => void decide('dismissed')} disabled={busy}>
              No, someone else
            </Button>
          </Group>
        </div>
      ) : null}
    </Alert>
  );
}
