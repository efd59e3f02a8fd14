import type { Period } from '../../../shared/reports/period';
import { reportDocument } from '../../../shared/reports/document';
import type { Db } from '../db/database';
import { renderPdfWithReport } from '../pdf';
import { buildQuarterlyReport, reportFileName } from './report-data';
import { listSections } from './sections-service';

/**
 * The report as a PDF through the shared PDF engine: figures, bar and pie charts drawn as vectors,
 * then the manager's narrative and case studies (anonymised when they were saved). The engine adds
 * the "Confidential" footer, page numbers and metadata.
 */
export async function reportPdf(db: Db, period: Period, now: Date, serviceName?: string): Promise<{ fileName: string; base64: string; pages: number }> {
  const report = buildQuarterlyReport(db, period);
  const sections = listSections(db, period).map((s) => ({ kind: s.kind, title: s.title, body: s.body }));
  const doc = reportDocument(report, sections, serviceName || undefined);
  const result = await renderPdfWithReport(doc, {
    title: `Impact report ${period.from} to ${period.to}`,
    subject: 'Quarterly figures, feedback and case studies for commissioners',
    author: serviceName || 'Heard',
    createdAt: now,
  });
  return { fileName: reportFileName(period, 'pdf'), base64: Buffer.from(result.bytes).toString('base64'), pages: result.pages };
}
