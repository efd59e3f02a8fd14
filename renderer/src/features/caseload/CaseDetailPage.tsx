import { Badge, Button, Group, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { displayName } from '../../../../shared/domain/caseload';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { useAppEvents } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { AllocateModal } from './AllocateModal';
import { caseBadges, caseBanners, caseTabs } from './case-tabs';
import { ClosureTab } from './ClosureTab';
import { HistoryTab } from './HistoryTab';
import { IssuesTab } from './IssuesTab';
import { OverviewTab } from './OverviewTab';
import { serviceUserTypeLabels, statusLabels, urgencyColors, urgencyLabels } from './labels';
import { ProblemAlert } from '../shell/ProblemAlert';

/** One case: overview, issues and closure, with the badges, banners and tabs other features add in `case-tabs.ts`. */
export function CaseDetailPage() {
  const { caseId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [detail, setDetail] = useState<CaseDetail | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [allocating, setAllocating] = useState(false);

  const reload = useCallback(() => {
    send('caseload.case.get', { caseId })
      .then((d) => {
        setDetail(d);
        setError(null);
      })
      .catch((e) => setError(errorMessage(e)));
  }, [caseId]);
  useEffect(reload, [reload]);
  // A banner's change to the referral (an online referral joined to a known young person) shows at once.
  useAppEvents(useCallback((e) => (e.type === 'changed' && e.entity === 'referral' ? reload() : undefined), [reload]));

  if (error) return <ProblemAlert problem={error} />;
  if (detail === undefined) return null;
  if (detail === null)
    return (
      <EmptyState
        title="Case not found"
        next="It may have been deleted or moved to another advocate. Go back to your caseload."
      />
    );

  const { referral, person } = detail;
  const name = displayName(person ?? {});
  const tab = params.get('tab') ?? 'overview';
  return (
    <>
      <PageHeader
        title={name}
        description={`Reference ${referral.reference}${detail.advocate ? ` · Advocate: ${detail.advocate.name}` : ''}`}
        actions={
          referral.status === 'awaiting_allocation' ? (
            <Button onClick={() => setAllocating(true)}>Allocate</Button>
          ) : undefined
        }
      />
      <Group gap="xs" mb="md">
        <Badge
          variant="light"
          color={referral.status === 'closed' ? 'gray' : referral.status === 'open' ? 'teal' : 'blue'}
        >
          {statusLabels[referral.status]}
        </Badge>
        <Badge color={urgencyColors[referral.urgency]} variant={referral.urgency === 'standard' ? 'outline' : 'filled'}>
          {urgencyLabels[referral.urgency]}
        </Badge>
        {referral.serviceUserType ? (
          <Badge variant="outline">{serviceUserTypeLabels[referral.serviceUserType]}</Badge>
        ) : null}
        {referral.advocacyType === 'non_instructed' ? <Badge color="grape">Non-instructed</Badge> : null}
        {caseBadges.map((b) => (
          <b.Component key={b.id} caseId={referral.id} />
        ))}
        {person?.pronouns ? <Text size="sm">Pronouns: {person.pronouns}</Text> : null}
      </Group>
      {caseBanners.map((b) => (
        <b.Component key={b.id} caseId={referral.id} />
      ))}
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="issues">Issues ({detail.issues.length})</Tabs.Tab>
          {caseTabs.map((t) => (
            <Tabs.Tab key={t.id} value={t.id}>
              {t.label}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="history">History</Tabs.Tab>
          <Tabs.Tab value="closure">{referral.status === 'closed' ? 'Closed' : 'Close case'}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab detail={detail} onChanged={reload} />
        </Tabs.Panel>
        <Tabs.Panel value="issues" pt="md">
          <IssuesTab detail={detail} onChanged={reload} />
        </Tabs.Panel>
        {caseTabs.map((t) => (
          <Tabs.Panel key={t.id} value={t.id} pt="md">
            <t.Component caseId={referral.id} />
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="history" pt="md">
          <HistoryTab caseId={referral.id} version={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="closure" pt="md">
          <ClosureTab detail={detail} onChanged={reload} />
        </Tabs.Panel>
      </Tabs>
      <AllocateModal
        caseId={allocating ? referral.id : null}
        who={name}
        onClose={() => setAllocating(false)}
        onDone={() => {
          setAllocating(false);
          reload();
        }}
      />
    </>
  );
}
