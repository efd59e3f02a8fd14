import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ageBands, issueCodes } from '../../../../shared/domain/codes';
import { formatUkDate } from '../../../../shared/domain/dates';
import {
  professionalQuestions,
  questionLabels,
  respondentRoleLabels,
  youngPersonQuestions,
  type AnswerSummary,
} from '../../../../shared/reports/feedback';
import { ageBandLabels, issueLabels } from '../../../../shared/reports/labels';
import type { Period } from '../../../../shared/reports/period';
import type { FullReport } from '../../../../shared/reports/quarterly';
import { reportTables, type ReportTable, type ReportTableRow } from '../../../../shared/reports/tables';
import { CasesBehind } from './CasesBehind';
import { FigureTable, showPercent } from './FigureTable';

function Headline({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
      {note ? <Text size="xs">{note}</Text> : null}
    </Paper>
  );
}

/** Tables drawn by their own component, or not on screen (the summary is the headline boxes). */
const ownComponent = new Set(['summary', 'issues_by_age', 'feedback']);
const testIds: Record<string, string> = { closures: 'figure-closed' };

/**
 * Every figure of the report, each as a table with a chart, the previous period's figure beside
 * it; each count lists the cases behind it when clicked.
 */
export function ReportFigures({
  report,
  previous,
  previousPeriod,
}: {
  report: FullReport;
  previous?: FullReport | undefined;
  previousPeriod?: Period | undefined;
}) {
  const [picked, setPicked] = useState<{ table: ReportTable; row: ReportTableRow } | null>(null);
  const n = report.newReferrals;
  const a = report.allocated;
  const b = report.briefInterventions;
  const tables = reportTables(report, previous);
  const previousLabel =
    previousPeriod && previous
      ? `${formatUkDate(previousPeriod.from)} to ${formatUkDate(previousPeriod.to)}`
      : undefined;
  const pick = (table: ReportTable, row: ReportTableRow) => setPicked({ table, row });
  return (
    <Stack data-testid="report-figures">
      <Text size="sm">
        Referrals made from {formatUkDate(report.period.from)} to {formatUkDate(report.period.to)}, and cases closed in
        the same dates. Click a number to see the cases it counts.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Headline label="New referrals" value={String(n)} />
        <Headline
          label="Allocated an advocate"
          value={showPercent(a.percent)}
          note={`${a.count} of ${n}${a.medianDaysToAllocation === null ? '' : `; median wait ${a.medianDaysToAllocation} days`}`}
        />
        <Headline label="Cases closed" value={String(report.closed.total)} />
        <Headline
          label="Brief interventions"
          value={String(b.count)}
          note={`${showPercent(b.percentOfNewReferrals)} of new referrals were referred and closed in these dates`}
        />
      </SimpleGrid>
      {tables
        .filter((t) => t.id === 'summary')
        .map((t) => (
          <FigureTable key={t.id} table={t} onPick={pick} {...(previousLabel ? { previousLabel } : {})} />
        ))}
      {tables
        .filter((t) => !ownComponent.has(t.id))
        .map((t) => (
          <FigureTable
            key={t.id}
            table={t}
            onPick={pick}
            {...(testIds[t.id] ? { testId: testIds[t.id] } : {})}
            {...(previousLabel ? { previousLabel } : {})}
          />
        ))}
      <IssuesByAge report={report} />
      <FeedbackFigures report={report} />
      <CasesBehind period={report.period} picked={picked} onClose={() => setPicked(null)} />
    </Stack>
  );
}

function IssuesByAge({ report }: { report: FullReport }) {
  const bands = [...ageBands, 'not_known'] as const;
  const used = issueCodes.filter((c) => report.byIssue[c] > 0);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        Issues by age at referral
      </Title>
      {used.length === 0 ? (
        <Text size="sm" c="dimmed">
          No issues were recorded on these referrals.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Issue</Table.Th>
                {bands.map((b) => (
                  <Table.Th key={b} scope="col" ta="right">
                    {ageBandLabels[b]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {used.map((code) => (
                <Table.Tr key={code}>
                  <Table.Th scope="row" fw="normal">
                    {issueLabels[code]}
                  </Table.Th>
                  {bands.map((b) => (
                    <Table.Td key={b} ta="right">
                      {report.issuesByAgeBand[b][code]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function AnswerRows({ summaries }: { summaries: Record<string, AnswerSummary> }) {
  return (
    <>
      {Object.entries(summaries).map(([q, s]) => (
        <Table.Tr key={q}>
          <Table.Th scope="row" fw="normal">
            {questionLabels[q as keyof typeof questionLabels]}
          </Table.Th>
          <Table.Td ta="right">{s.happy}</Table.Td>
          <Table.Td ta="right">{s.ok}</Table.Td>
          <Table.Td ta="right">{s.sad}</Table.Td>
          <Table.Td ta="right">{showPercent(s.percentPositive)}</Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

function FeedbackFigures({ report }: { report: FullReport }) {
  const f = report.feedback;
  const pick = <K extends string>(keys: readonly K[], all: Record<K, AnswerSummary>) =>
    Object.fromEntries(keys.map((k) => [k, all[k]]));
  const roles = Object.entries(f.professionalByRole).filter(([, c]) => c > 0);
  return (
    <Paper withBorder p="md" data-testid="figure-feedback">
      <Title order={3} size="h5" mb="sm">
        Feedback
      </Title>
      <Text size="sm" mb="sm">
        {f.received.young_person} young people&apos;s forms and {f.received.professional} from professionals and parents
        were received
        {roles.length
          ? ` (${roles.map(([r, c]) => `${respondentRoleLabels[r as keyof typeof respondentRoleLabels]} ${c}`).join(', ')})`
          : ''}
        .
      </Text>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Question</Table.Th>
            <Table.Th scope="col" ta="right">
              Yes
            </Table.Th>
            <Table.Th scope="col" ta="right">
              A bit
            </Table.Th>
            <Table.Th scope="col" ta="right">
              No
            </Table.Th>
            <Table.Th scope="col" ta="right">
              % yes
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <AnswerRows summaries={pick(youngPersonQuestions, f.youngPerson)} />
          <AnswerRows summaries={pick(professionalQuestions, f.professional)} />
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
