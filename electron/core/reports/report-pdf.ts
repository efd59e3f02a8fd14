import type { Period } from '../../../shared/reports/period';
import { issueOutcomeLabels } from '../../../shared/reports/tables';
import { reportIssueOutcomes } from '../../../shared/reports/activity';
import { reportAgeBands } from '../../../shared/reports/age';
import { issueLabels } from '../../../shared/reports/labels';
import type { Db } from '../db/database';
import { pdfLetterhead, readLetterhead } from '../letters/letterhead-store';
import { renderPlannedPages } from '../pdf/render';
import { planReportPages } from './report-pdf-layout';
import { reportFileName } from './report-data';
import { reportWithPrevious } from './report-exports';
import { listSections } from './sections-service';

const issueName = (code: string): string => issueLabels[code as keyof typeof issueLabels] ?? code;

/**
 * The report as a PDF: the service's name and logo from Settings, every table beside the previous
 * period's figures, each table and chart kept on one page, then the manager's narrative and case
 * studies (anonymised when they were saved). The engine adds the "Confidential" footer, page
 * numbers and metadata.
 */
export async function reportPdf(
  db: Db,
  dataDir: string,
  period: Period,
  now: Date,
  serviceName?: string,
): Promise<{ fileName: string; base64: string; pages: number }> {
  const { tables, previousPeriod } = reportWithPrevious(db, period);
  const settings = readLetterhead(dataDir);
  const name = serviceName?.trim() || settings.name.trim() || 'Advocacy service';
  const head = pdfLetterhead({ ...settings, name });
  const sections = listSections(db, period).map((s) => ({ kind: s.kind, title: s.title, body: s.body }));
  const flow = planReportPages({
    serviceName: name,
    letterhead: head,
    period,
    previous: previousPeriod,
    tables,
    sections,
    cross: {
      issues_by_age: {
        columns: reportAgeBands,
        columnLabels: reportAgeBands.map((b) => (b === 'not_known' ? 'Not known' : b)),
        rowLabel: issueName,
      },
      issue_outcomes: {
        columns: reportIssueOutcomes,
        columnLabels: reportIssueOutcomes.map((o) => issueOutcomeLabels[o]),
        rowLabel: issueName,
      },
    },
  });
  const result = await renderPlannedPages(flow, {
    title: `${name}: quarterly report ${period.from} to ${period.to}`,
    subject: 'Quarterly figures, feedback and case studies for commissioners',
    author: name,
    createdAt: now,
  });
  return {
    fileName: reportFileName(period, 'pdf'),
    base64: Buffer.from(result.bytes).toString('base64'),
    pages: result.pages,
  };
}
