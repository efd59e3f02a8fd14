import { Alert, Badge, Button, List, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { TeamOverview } from '../../../../shared/ipc/team';
import { errorMessage, send } from '../../api/client';
import { useAppEvents } from '../../api/events';
import { AllocateModal } from '../caseload/AllocateModal';
import { urgencyLabels } from '../caseload/labels';
import { PageHeader } from '../shell/PageHeader';
import { ProblemAlert } from '../shell/ProblemAlert';
import { MoveTypedCasesModal, type TypedName } from './MoveTypedCasesModal';
import { CaseLink, TeamSection } from './TeamSection';

type Waiting = TeamOverview['waiting'][number];
const days = (n: number | null) => (n === null ? 'Date not recorded' : `${n} day${n === 1 ? '' : 's'}`);
const whoHolds = (name: string | null) => name ?? 'Not allocated';

/**
 * The team at a glance for a manager: who holds how many open cases, who is waiting longest,
 * urgent referrals not yet allocated, and deadlines passed across every case. Worked out on this
 * laptop, which holds every case of the service.
 */
export function TeamPage() {
  const [team, setTeam] = useState<TeamOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [allocating, setAllocating] = useState<Waiting | null>(null);
  const [moving, setMoving] = useState<TypedName | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(() => {
    send('team.overview', {}).then(
      (t) => {
        setTeam(t);
        setError(null);
      },
      (e) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);
  useAppEvents(useCallback((e) => e.type === 'changed' && load(), [load]));

  const allocateButton = (r: Waiting) => (
    <Button
      size="xs"
      variant="default"
      onClick={() => setAllocating(r)}
      aria-label={`Allocate ${r.displayName} (${r.reference})`}
    >
      Allocate
    </Button>
  );
  const waitingColumns = [
    { label: 'Name', cell: (r: Waiting) => <CaseLink caseId={r.caseId} name={r.displayName} /> },
    { label: 'Reference', cell: (r: Waiting) => r.reference },
    { label: 'Urgency', cell: (r: Waiting) => urgencyLabels[r.urgency] },
    { label: 'Waiting', cell: (r: Waiting) => days(r.waitingDays) },
    { label: 'Action', cell: allocateButton },
  ];

  return (
    <>
      <PageHeader title="Team" description="Open cases, waiting referrals and passed deadlines across your service." />
      <ProblemAlert problem={error} />
      {done ? (
        <Text role="status" size="sm" mb="md">
          {done}
        </Text>
      ) : null}
      {team ? (
        <Stack gap="xl">
          {team.waitingToSend.length > 0 ? (
            <Alert color="yellow" title="Allocations waiting to send" data-testid="allocations-waiting">
              <Text size="sm">
                These allocations are saved on this laptop and will be sent to the service when it next connects. Until
                then the advocates' laptops do not have the cases.
              </Text>
              <List size="sm" mt="xs">
                {team.waitingToSend.map((w) => (
                  <List.Item key={w.caseId}>
                    {w.name} ({w.reference}) to {whoHolds(w.advocateName)}: waiting to send
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <TeamSection
            id="team-advocates"
            title="Open cases per advocate"
            rows={team.advocates}
            rowKey={(a) => a.advocateId}
            empty="No one holds an open case yet. Allocate a waiting referral below, or add advocates on the People screen."
            columns={[
              { label: 'Advocate', cell: (a) => a.name },
              { label: 'Open cases', cell: (a) => a.open },
              {
                label: 'On the service',
                cell: (a) =>
                  a.onService === 'active' ? (
                    'Yes'
                  ) : a.onService === 'inactive' ? (
                    <Badge color="orange">Account closed</Badge>
                  ) : (
                    <Badge color="gray">Typed on this laptop</Badge>
                  ),
              },
              {
                label: 'Action',
                cell: (a) =>
                  a.onService !== 'active' && a.open > 0 ? (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setMoving({ ...a, closed: a.onService === 'inactive' })}
                      aria-label={`Give ${a.name}'s cases to someone on the service`}
                    >
                      Give their cases to…
                    </Button>
                  ) : null,
              },
            ]}
          />
          <TeamSection
            id="team-urgent"
            title="Urgent and not allocated"
            rows={team.urgentUnallocated}
            rowKey={(r) => r.caseId}
            empty="No urgent referral is waiting."
            columns={waitingColumns}
          />
          <TeamSection
            id="team-waiting"
            title="Waiting for an advocate, longest first"
            rows={team.waiting}
            rowKey={(r) => r.caseId}
            empty="Nobody is waiting. New referrals appear here until they are allocated."
            columns={waitingColumns}
          />
          <TeamSection
            id="team-complaints"
            title="Complaint responses overdue"
            rows={team.overdueComplaints}
            rowKey={(c) => c.id}
            empty="No council is late with a complaint response."
            columns={[
              { label: 'Name', cell: (c) => <CaseLink caseId={c.caseId} name={c.name} /> },
              { label: 'Reference', cell: (c) => c.reference },
              { label: 'Advocate', cell: (c) => whoHolds(c.advocateName) },
              { label: 'Stage', cell: (c) => c.stage.replace('stage', 'Stage ') },
              { label: 'Was due', cell: (c) => formatUkDate(c.dueOn) },
            ]}
          />
          <TeamSection
            id="team-actions"
            title="Actions overdue"
            rows={team.overdueActions}
            rowKey={(a) => a.id}
            empty="No action is overdue."
            columns={[
              { label: 'Name', cell: (a) => <CaseLink caseId={a.caseId} name={a.name} /> },
              { label: 'Reference', cell: (a) => a.reference },
              { label: 'Advocate', cell: (a) => whoHolds(a.advocateName) },
              { label: 'Action', cell: (a) => a.description },
              { label: 'Was due', cell: (a) => formatUkDate(a.dueOn) },
            ]}
          />
        </Stack>
      ) : null}
      <MoveTypedCasesModal
        typed={moving}
        onClose={() => setMoving(null)}
        onDone={(moved, to) => {
          setMoving(null);
          setDone(`${moved} case${moved === 1 ? '' : 's'} allocated to ${to}. They are sent at the next sync.`);
          load();
        }}
      />
      <AllocateModal
        caseId={allocating?.caseId ?? null}
        who={allocating?.displayName ?? ''}
        onClose={() => setAllocating(null)}
        onDone={() => {
          setAllocating(null);
          load();
        }}
      />
    </>
  );
}
