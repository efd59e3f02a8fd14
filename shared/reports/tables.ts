import type { FullReport } from './quarterly';
import { TableBuilder, type ReportTable } from './table-builder';
import { feedbackTables } from './tables-feedback';
import { outcomeTables } from './tables-outcomes';
import { referralTables } from './tables-referrals';
import { workTables } from './tables-work';

export type { ReportTable, ReportTableRow } from './table-builder';
export { issueOutcomeLabels } from './tables-outcomes';

/**
 * Every table of the report, in the order the screen, the CSV files, the workbook and the PDF show
 * them, each family of tables built in its own file. With `previous`, each row carries the same
 * figure from the previous period.
 */
export function reportTables(report: FullReport, previous?: FullReport): ReportTable[] {
  const b = new TableBuilder(report, previous);
  referralTables(b);
  outcomeTables(b);
  workTables(b);
  feedbackTables(b);
  return b.tables;
}
