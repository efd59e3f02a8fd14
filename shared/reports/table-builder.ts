import type { FullReport } from './quarterly';
import { percent } from './rounding';

/**
 * The report as tables: one per breakdown, each row with this period's figure and the previous
 * period's beside it. The screen, the CSV files, the workbook and the PDF are all drawn from these,
 * so they cannot disagree. A row that counts cases names its figure, so the screen can list the
 * cases behind it.
 */
export interface ReportTableRow {
  code: string;
  label: string;
  count: number | null;
  /** Percent of the table's base (`percentOf`); null when there is no base or nothing to divide by. */
  percent: number | null;
  /** The same figure in the previous period; undefined when no previous period was given. */
  previous?: number | null;
  /** Where to look up the cases behind this figure; absent for figures that are not counts of cases. */
  cases?: { figure: string; code: string };
}

export interface ReportTable {
  id: string;
  title: string;
  /** What the percentages are of, in words; null when the table has none. */
  percentOf: string | null;
  /** How the PDF and the screen draw it beside the table. */
  chart: 'bar' | 'pie' | null;
  rows: ReportTableRow[];
}

/** A number of the report found by a path, for reading the previous period's figure of the same row. */
export type FigureOf = (r: FullReport) => number | null;

export type Row = [ReportTableRow, FigureOf];

export const label =
  (labels: Record<string, string>) =>
  (code: string): string =>
    labels[code] ?? code;

/**
 * Collects one family of tables (who was referred, what came of it, the work done, feedback).
 * Each row says how to find the same figure in the previous period, so the comparison column is
 * filled here once rather than by each family.
 */
export class TableBuilder {
  readonly tables: ReportTable[] = [];

  constructor(
    readonly report: FullReport,
    private readonly previous?: FullReport,
  ) {}

  table(id: string, title: string, percentOf: string | null, chart: ReportTable['chart'], rows: Row[]): void {
    const previous = this.previous;
    this.tables.push({
      id,
      title,
      percentOf,
      chart,
      rows: rows.map(([row, pick]) => (previous ? { ...row, previous: pick(previous) } : row)),
    });
  }

  row(
    code: string,
    text: string,
    count: number | null,
    pct: number | null,
    pick: FigureOf,
    cases?: [string, string],
  ): Row {
    return [
      { code, label: text, count, percent: pct, ...(cases ? { cases: { figure: cases[0], code: cases[1] } } : {}) },
      pick,
    ];
  }

  /** A breakdown kept in the report as counts by code, each a share of `total` when there is one. */
  counts(figure: keyof FullReport, names: (c: string) => string, total: number | null): Row[] {
    return Object.entries(this.report[figure] as Record<string, number>).map(([code, count]) =>
      this.row(
        code,
        names(code),
        count,
        total === null ? null : percent(count, total),
        (r) => (r[figure] as Record<string, number>)[code] ?? 0,
        [figure, code],
      ),
    );
  }
}
