import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CaseRow, ReferralStatus } from '../../../../shared/domain/caseload';
import type { ServiceUserType, Urgency } from '../../../../shared/domain/codes';
import { formatUkDate } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { councilName } from '../../../../shared/domain/councils';
import { optionsOf, serviceUserTypeLabels, statusLabels, urgencyColors, urgencyLabels } from './labels';
import { UnmatchedCouncilsNotice } from './UnmatchedCouncilsPage';

/** My open cases with what is coming up next, or everything, filtered and searched as you type. */
export function CaseloadListPage() {
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [statuses, setStatuses] = useState<ReferralStatus[]>(['open']);
  const [types, setTypes] = useState<ServiceUserType[]>([]);
  const [urgencyFilter, setUrgencyFilter] = useState<Urgency[]>([]);
  const [las, setLas] = useState<string[]>([]);
  const [laOptions, setLaOptions] = useState<Array<{ value: string; label: string }>>([]);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [result, setResult] = useState<{ rows: CaseRow[]; more: boolean } | null>(null);
  const [waiting, setWaiting] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void send('caseload.localAuthorities', {})
      .then((list) => setLaOptions(list.map((c) => ({ value: c.code, label: c.name }))))
      .catch(() => setLaOptions([]));
    void send('caseload.triage', {})
      .then((q) => setWaiting(q.length))
      .catch(() => setWaiting(null));
  }, []);

  useEffect(() => {
    let live = true;
    send('caseload.list', {
      mine: scope === 'mine',
      statuses,
      serviceUserTypes: types,
      urgencies: urgencyFilter,
      localAuthorities: las,
      query: debounced,
    })
      .then((r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      })
      .catch((e) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [scope, statuses, types, urgencyFilter, las, debounced]);

  return (
    <>
      <PageHeader
        title="Caseload"
        description="The young people and parents you are working with."
        actions={
          <Group>
            <Button component={Link} to="/caseload/triage" variant="default">
              Triage{waiting ? ` (${waiting} waiting)` : ''}
            </Button>
            <Button component={Link} to="/caseload/import" variant="default">
              Import
            </Button>
            <Button component={Link} to="/caseload/new">
              Take a referral
            </Button>
          </Group>
        }
      />
      <Stack gap="sm">
        <UnmatchedCouncilsNotice />
        <Group align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label="Whose cases"
            value={scope}
            onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}
            data={[
              { value: 'mine', label: 'Mine' },
              { value: 'all', label: 'Everyone’s' },
            ]}
          />
          <TextInput
            label="Search"
            placeholder="Name, reference or words from the referral"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
        </Group>
        <Group grow align="flex-start">
          <MultiSelect
            label="Status"
            data={optionsOf(statusLabels)}
            value={statuses}
            onChange={(v) => setStatuses(v as ReferralStatus[])}
            clearable
          />
          <MultiSelect
            label="Service-user type"
            data={optionsOf(serviceUserTypeLabels)}
            value={types}
            onChange={(v) => setTypes(v as ServiceUserType[])}
            clearable
          />
          <MultiSelect
            label="Urgency"
            data={optionsOf(urgencyLabels)}
            value={urgencyFilter}
            onChange={(v) => setUrgencyFilter(v as Urgency[])}
            clearable
          />
          <MultiSelect label="Local authority" data={laOptions} value={las} onChange={setLas} searchable clearable />
        </Group>
        {error ? (
          <Text c="red" role="alert">
            {error}
          </Text>
        ) : null}
        {result && result.rows.length === 0 ? (
          <EmptyState
            title={query || types.length || urgencyFilter.length || las.length ? 'No cases match' : 'No cases here yet'}
            next={
              query
                ? 'Try fewer or shorter words, or search everyone’s cases with every status.'
                : 'Take a referral, allocate one from triage, or import your spreadsheet.'
            }
          />
        ) : null}
        {result && result.rows.length > 0 ? <CaseTable rows={result.rows} /> : null}
        {result?.more ? (
          <Text size="sm" c="dimmed">
            Showing the first {result.rows.length}. Narrow the filters or search to see others.
          </Text>
        ) : null}
      </Stack>
    </>
  );
}

function CaseTable({ rows }: { rows: CaseRow[] }) {
  return (
    <Table striped highlightOnHover aria-label="Cases">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Reference</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Urgency</Table.Th>
          <Table.Th>Next</Table.Th>
          <Table.Th>Local authority</Table.Th>
          <Table.Th>Advocate</Table.Th>
          <Table.Th>Referred</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.caseId}>
            <Table.Td>
              <Anchor component={Link} to={`/caseload/${r.caseId}`}>
                {r.displayName}
              </Anchor>
              {r.status !== 'open' ? (
                <Badge ml="xs" variant="light" color={r.status === 'closed' ? 'gray' : 'blue'}>
                  {statusLabels[r.status]}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{r.reference}</Table.Td>
            <Table.Td>{r.serviceUserType ? serviceUserTypeLabels[r.serviceUserType] : '—'}</Table.Td>
            <Table.Td>
              <Badge color={urgencyColors[r.urgency]} variant={r.urgency === 'standard' ? 'outline' : 'filled'}>
                {urgencyLabels[r.urgency]}
              </Badge>
            </Table.Td>
            <Table.Td>{r.next ? `${formatUkDate(r.next.date)} ${r.next.label}` : '—'}</Table.Td>
            <Table.Td>{r.localAuthority ? councilName(r.localAuthority) : '—'}</Table.Td>
            <Table.Td>{r.advocateName ?? 'Not allocated'}</Table.Td>
            <Table.Td>{r.referralDate ? formatUkDate(r.referralDate) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
