import ExcelJS from 'exceljs';
import type { Period } from '../../../shared/reports/period';
import type { ReportTable } from '../../../shared/reports/tables';
import { formatUkDate } from '../../../shared/domain/dates';

/** Excel refuses sheet names over 31 characters or with any of these. */
const sheetName = (title: string, used: Set<string>): string => {
  const base = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

/**
 * The report as a workbook a commissioner can open: one sheet per table, the figure for this
 * period beside the previous period's. Cells hold numbers as numbers and words as plain text
 * (never formulas), so nothing in a label can run in the spreadsheet.
 */
export async function reportWorkbook(
  tables: readonly ReportTable[],
  period: Period,
  previous: Period,
  serviceName: string,
  now: Date,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = serviceName || 'Heard';
  wb.title = `Impact report ${period.from} to ${period.to}`;
  wb.created = now;
  wb.modified = now;
  const used = new Set<string>();
  const range = (p: Period): string => `${formatUkDate(p.from)} to ${formatUkDate(p.to)}`;
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.title, used));
    ws.columns = [
      { header: table.title, key: 'label', width: 60 },
      { header: range(period), key: 'count', width: 22 },
      { header: table.percentOf ? `% of ${table.percentOf}` : '%', key: 'percent', width: 22 },
      { header: range(previous), key: 'previous', width: 22 },
      { header: 'Code', key: 'code', width: 24 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of table.rows)
      ws.addRow({ label: r.label, count: r.count, percent: r.percent, previous: r.previous ?? null, code: r.code });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
