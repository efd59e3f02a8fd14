import { Alert, Button, Divider, Group, Loader, Menu, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { todayIso } from '../../../../shared/domain/dates';
import { parseQuarter, periodBefore, previousQuarter, type Period } from '../../../../shared/reports/period';
import type { FullReport } from '../../../../shared/reports/quarterly';
import { reportTables } from '../../../../shared/reports/tables';
import { errorMessage, send } from '../../api/client';
import { announce } from '../../api/events';
import { EmptyState } from '../shell/EmptyState';
import { PageHeader } from '../shell/PageHeader';
import { PeriodPicker } from './PeriodPicker';
import { ReportFigures } from './ReportFigures';
import { ReportWriting } from './ReportWriting';
import { base64ToBytes, downloadFile, downloadPdf } from '../../api/download';
import { ProblemAlert } from '../shell/ProblemAlert';

/** The quarterly impact report: pick dates, read the figures, write the story, export. */
export function ReportsPage() {
  const [period, setPeriod] = useState<Period>(() => parseQuarter(previousQuarter(todayIso()))!);
  const [report, setReport] = useState<FullReport | null>(null);
  const [previous, setPrevious] = useState<FullReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'pdf' | 'xlsx' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setReport(null);
    setPrevious(null);
    setProblem(null);
    announce('report-loading');
    Promise.all([send('reports.quarterly', { period }), send('reports.quarterly', { period: periodBefore(period) })])
      .then(([r, before]) => {
        if (!live) return;
        setReport(r);
        setPrevious(before);
        announce('report-ready');
      })
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [period]);

  const exportAs = async (format: 'csv' | 'pdf' | 'xlsx', table?: string) => {
    setExporting(format);
    setNotice(null);
    try {
      if (format === 'csv') {
        const { csv, fileName } = await send('reports.exportTableCsv', { period, table: table ?? 'summary' });
        downloadFile(fileName, csv, 'text/csv;charset=utf-8');
      } else if (format === 'xlsx') {
        const { base64, fileName } = await send('reports.exportXlsx', { period });
        downloadFile(
          fileName,
          base64ToBytes(base64),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
      } else {
        const { base64, fileName } = await send('reports.pdf', { period });
        downloadPdf(fileName, base64);
      }
      setNotice(
        'The file has been saved outside the encrypted store. Keep it somewhere safe and delete it when it has been sent.',
      );
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Reports"
        description="The quarterly impact report for commissioners, from the records on this computer."
        actions={
          <Group>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" loading={exporting === 'csv'} disabled={!report}>
                  Export CSV
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>One CSV file per table</Menu.Label>
                {report
                  ? reportTables(report).map((t) => (
                      <Menu.Item key={t.id} onClick={() => void exportAs('csv', t.id)}>
                        {t.title}
                      </Menu.Item>
                    ))
                  : null}
              </Menu.Dropdown>
            </Menu>
            <Button
              variant="default"
              onClick={() => void exportAs('xlsx')}
              loading={exporting === 'xlsx'}
              disabled={!report}
            >
              Export spreadsheet (XLSX)
            </Button>
            <Button onClick={() => void exportAs('pdf')} loading={exporting === 'pdf'} disabled={!report}>
              Export PDF
            </Button>
          </Group>
        }
      />
      <Stack>
        <PeriodPicker value={period} onChange={setPeriod} />
        {notice ? (
          <Alert color="yellow" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
        <ProblemAlert problem={problem} />
        {!report && !problem ? (
          <Group>
            <Loader size="sm" />
            <Text size="sm">Counting…</Text>
          </Group>
        ) : null}
        {report && report.newReferrals === 0 && report.closed.total === 0 ? (
          <EmptyState
            title="No referrals or closures in these dates"
            next="Pick another period, or take and close referrals in the caseload; they are counted here as soon as they are saved."
          />
        ) : null}
        {report ? (
          <ReportFigures report={report} previous={previous ?? undefined} previousPeriod={periodBefore(period)} />
        ) : null}
        <Divider />
        <ReportWriting period={period} />
      </Stack>
    </>
  );
}
