import type { reportsMethods } from '../../../shared/ipc/reports';
import { reportToCsv } from '../../../shared/reports/csv';
import type { HandlersFor } from '../ipc/handler-types';
import { listFeedback, removeFeedback, saveFeedback } from './feedback-service';
import { buildQuarterlyReport, casesBehindFigure, reportFileName } from './report-data';
import { reportXlsx, tableCsv } from './report-exports';
import { reportPdf } from './report-pdf';
import { caseStudyCandidates, listSections, quotableComments, removeSection, saveSection } from './sections-service';

export const reportsHandlers: HandlersFor<keyof typeof reportsMethods> = {
  'reports.quarterly': (input, ctx) => buildQuarterlyReport(ctx.db(), input.period),
  'reports.csv': (input, ctx) => ({
    csv: reportToCsv(buildQuarterlyReport(ctx.db(), input.period)),
    fileName: reportFileName(input.period, 'csv'),
  }),
  'reports.pdf': (input, ctx) => reportPdf(ctx.db(), ctx.dataDir, input.period, ctx.now(), input.serviceName),
  'reports.casesBehind': (input, ctx) => ({
    references: casesBehindFigure(ctx.db(), input.period, input.figure, input.code),
  }),
  'reports.exportTableCsv': (input, ctx) => tableCsv(ctx.db(), input.period, input.table),
  'reports.exportXlsx': (input, ctx) => reportXlsx(ctx.db(), ctx.dataDir, input.period, ctx.now()),
  'reports.sections.list': (input, ctx) => listSections(ctx.db(), input.period),
  'reports.sections.save': (input, ctx) => saveSection(ctx.db(), input, ctx.now()),
  'reports.sections.remove': (input, ctx) => ({ removed: removeSection(ctx.db(), input.id) }),
  'reports.caseStudyCandidates': (input, ctx) => caseStudyCandidates(ctx.db(), input.period),
  'reports.quotes': (input, ctx) => quotableComments(ctx.db(), input.period),
  'feedback.list': (input, ctx) => listFeedback(ctx.db(), input.caseId),
  'feedback.save': (input, ctx) => saveFeedback(ctx, input),
  'feedback.remove': (input, ctx) => ({ removed: removeFeedback(ctx, input.id) }),
};
