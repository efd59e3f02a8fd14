import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ageBands, issueCodes } from '../../../../shared/domain/codes';
import { formatUkDate } from '../../../../shared/domain/dates';
import { professionalQuestions, questionLabels, respondentRoleLabels, youngPersonQuestions, type AnswerSummary } from '../../../../shared/reports/feedback';
import {
  ageBandLabels, genderLabels, issueLabels, localAuthorityLabel, outcomeLabels, serviceUserTypeLabels, sourceLabels,
} from '../../../../shared/reports/labels';
import type { QuarterlyReport } from '../../../../shared/reports/quarterly';
import { FigureTable, rowsOf, showPercent } from './FigureTable';

const lookup = (labels: Record<string, string>) => (code: string): string => labels[code] ?? code;

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

/** Every figure of the report, each as a table with a chart. */
export function ReportFigures({ report }: { report: QuarterlyReport }) {
  const n = report.newReferrals;
  const a = report.allocated;
  const b = report.briefInterventions;
  return (
    <Stack data-testid="report-figures">
      <Text size="sm">
        Referrals made from {formatUkDate(report.period.from)} to {formatUkDate(report.period.to)}, and cases closed in the same dates.
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Headline label="New referrals" value={String(n)} />
        <Headline
          label="Allocated an advocate"
          value={showPercent(a.percent)}
          note={`${a.count} of ${n}${a.medianDaysToAllocation === null ? '' : `; median wait ${a.medianDaysToAllocation} days`}`}
        />
        <Headline label="Cases closed" value={String(report.closed.total)} />
        <Headline label="Brief interventions" value={String(b.count)} note={`${showPercent(b.percentOfNewReferrals)} of new referrals were referred and closed in these dates`} />
      </SimpleGrid>
      <FigureTable title="Service users" testId="figure-service-users" chart="bar" percentOf="new referrals" rows={rowsOf(report.byServiceUserType, lookup(serviceUserTypeLabels), n)} />
      <FigureTable title="Issues raised" chart="bar" percentOf="new referrals" rows={rowsOf(report.byIssue, lookup(issueLabels), n)} />
      <FigureTable title="Age at referral" chart="bar" percentOf="new referrals" rows={rowsOf(report.byAgeBand, lookup(ageBandLabels), n)} />
      <FigureTable title="Gender" chart="pie" percentOf="new referrals" rows={rowsOf(report.byGender, lookup(genderLabels), n)} />
      <FigureTable title="Referral source" chart="bar" percentOf="new referrals" rows={rowsOf(report.bySource, lookup(sourceLabels), n)} />
      <FigureTable title="Local authority" chart="bar" percentOf="new referrals" rows={rowsOf(report.byLocalAuthority, localAuthorityLabel, n)} />
      <FigureTable title="How cases closed" testId="figure-closed" chart="pie" percentOf="cases closed" rows={rowsOf(report.closed.byOutcome, lookup(outcomeLabels), report.closed.total)} />
      <IssuesByAge report={report} />
      <FeedbackFigures report={report} />
    </Stack>
  );
}

function IssuesByAge({ report }: { report: QuarterlyReport }) {
  const bands = [...ageBands, 'not_known'] as const;
  const used = issueCodes.filter((c) => report.byIssue[c] > 0);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        Issues by age at referral
      </Title>
      {used.length === 0 ? (
        <Text size="sm" c="dimmed">No issues were recorded on these referrals.</Text>
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

function FeedbackFigures({ report }: { report: QuarterlyReport }) {
  const f = report.feedback;
  const pick = <K extends string>(keys: readonly K[], all: Record<K, AnswerSummary>) => Object.fromEntries(keys.map((k) => [k, all[k]]));
  const roles = Object.entries(f.professionalByRole).filter(([, c]) => c > 0);
  return (
    <Paper withBorder p="md" data-testid="figure-feedback">
      <Title order={3} size="h5" mb="sm">
        Feedback
      </Title>
      <Text size="sm" mb="sm">
        {f.received.young_person} young people&apos;s forms and {f.received.professional} from professionals and parents were received
        {roles.length ? ` (${roles.map(([r, c]) => `${respondentRoleLabels[r as keyof typeof respondentRoleLabels]} ${c}`).join(', ')})` : ''}.
      </Text>
      <Table striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Question</Table.Th>
            <Table.Th scope="col" ta="right">Yes</Table.Th>
            <Table.Th scope="col" ta="right">A bit</Table.Th>
            <Table.Th scope="col" ta="right">No</Table.Th>
            <Table.Th scope="col" ta="right">% yes</Table.Th>
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
