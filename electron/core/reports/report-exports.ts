import { AppError } from '../../../shared/ipc/errors';
import { tableToCsv } from '../../../shared/reports/csv';
import { periodBefore, type Period } from '../../../shared/reports/period';
import type { FullReport } from '../../../shared/reports/quarterly';
import { reportTables, type ReportTable } from '../../../shared/reports/tables';
import type { Db } from '../db/database';
import { readLetterhead } from '../letters/letterhead-store';
import { buildQuarterlyReport, reportFileName } from './report-data';
import { reportWorkbook } from './report-xlsx';

/** A period's report beside the one before it, as tables: what every export is made from. */
export function reportWithPrevious(
  db: Db,
  period: Period,
): { report: FullReport; previous: FullReport; previousPeriod: Period; tables: ReportTable[] } {
  const previousPeriod = periodBefore(period);
  const report = buildQuarterlyReport(db, period);
  const previous = buildQuarterlyReport(db, previousPeriod);
  return { report, previous, previousPeriod, tables: reportTables(report, previous) };
}

export function tableCsv(db: Db, period: Period, tableId: string): { csv: string; fileName: string } {
  const { tables, previousPeriod } = reportWithPrevious(db, period);
  const table = tables.find((t) => t.id === tableId);
  if (!table) throw new AppError('invalid_input', 'There is no such table in the report. Pick one from the list.');
  return {
    csv: tableToCsv(table, period, previousPeriod),
    fileName: reportFileName(period, `${tableId.replace(/_/g, '-')}.csv`),
  };
}

/** The service's name as set in Settings (the letterhead), for exports' titles. */
export const serviceNameOf = (dataDir: string): string => readLetterhead(dataDir).name.trim();

export async function reportXlsx(
  db: Db,
  dataDir: string,
  period: Period,
  now: Date,
): Promise<{ fileName: string; base64: string }> {
  const { tables, previousPeriod } = reportWithPrevious(db, period);
  const bytes = await reportWorkbook(tables, period, previousPeriod, serviceNameOf(dataDir), now);
  return { fileName: reportFileName(period, 'xlsx'), base64: Buffer.from(bytes).toString('base64') };
}
