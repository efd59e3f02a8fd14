import { Anchor, Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import type { TriageRow } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { AllocateModal } from './AllocateModal';
import { TriageMarks } from '../intake/TriageMarks';
import { issueLabels, serviceUserTypeLabels, urgencyColors, urgencyLabels } from './labels';

/** Referrals waiting for an advocate: most urgent first, then whoever has waited longest. */
export function TriagePage() {
  const [rows, setRows] = useState<TriageRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [allocating, setAllocating] = useState<TriageRow | null>(null);

  const load = useCallback(() => {
    send('caseload.triage', {})
      .then((r) => {
        setRows(r);
        setError(null);
      })
      .catch((e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <>
      <PageHeader
        title="Triage"
        description="Referrals waiting for an advocate, most urgent first, then longest waiting."
        actions={
          <Button component={Link} to="/caseload/new">
            Take a referral
          </Button>
        }
      />
      {error ? (
        <Text c="red" role="alert">
          {error}
        </Text>
      ) : null}
      {rows && rows.length === 0 ? (
        <EmptyState
          title="Nobody is waiting"
          next="New referrals appear here until they are allocated to an advocate."
        />
      ) : null}
      {rows && rows.length > 0 ? (
        <Table striped aria-label="Referrals waiting for an advocate">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Urgency</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Issues</Table.Th>
              <Table.Th>Referred</Table.Th>
              <Table.Th>Waiting</Table.Th>
              <Table.Th>
                <VisuallyHidden>Action</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.caseId}>
                <Table.Td>
                  <Badge color={urgencyColors[r.urgency]} variant={r.urgency === 'standard' ? 'outline' : 'filled'}>
                    {urgencyLabels[r.urgency]}
                  </Badge>
                  {r.urgencyReason ? (
                    <Text size="xs" c="dimmed">
                      {r.urgencyReason}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/caseload/${r.caseId}`}>
                    {r.displayName}
                  </Anchor>
                  <TriageMarks receivedOnline={r.receivedOnline} possibleMatch={r.possibleMatch} />
                </Table.Td>
                <Table.Td>{r.reference}</Table.Td>
                <Table.Td>{r.serviceUserType ? serviceUserTypeLabels[r.serviceUserType] : '—'}</Table.Td>
                <Table.Td>{r.issueCodes.map((c) => issueLabels[c]).join(', ')}</Table.Td>
                <Table.Td>{r.referralDate ? formatUkDate(r.referralDate) : '—'}</Table.Td>
                <Table.Td>
                  {r.waitingDays === null ? '—' : `${r.waitingDays} day${r.waitingDays === 1 ? '' : 's'}`}
                </Table.Td>
                <Table.Td>
                  <Button size="xs" onClick={() => setAllocating(r)} aria-label={`Allocate ${r.reference}`}>
                    Allocate
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
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
