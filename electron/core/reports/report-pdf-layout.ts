import { formatUkDate } from '../../../shared/domain/dates';
import { CHANGED_NOTICE } from '../../../shared/reports/anonymise';
import type { DocumentSection } from '../../../shared/reports/document';
import type { Period } from '../../../shared/reports/period';
import type { ReportTable } from '../../../shared/reports/tables';
import { colours, style, type ChartSpec } from '../pdf/blocks';
import { placeChart } from '../pdf/chart';
import { CONTENT_WIDTH, Flow, PAGE, lineHeight } from '../pdf/flow';
import { placeFooters, placeLetterhead, type Letterhead } from '../pdf/render';
import type { Span } from '../pdf/text-layout';

/*
 * The quarterly report's own page layout, on the shared PDF engine's page flow: each table with
 * its chart is measured first and moved whole to the next page when it would not fit, so no
 * table or chart is ever split across pages. Each figure stands beside the previous period's.
 */

const small = style({ size: 9 });
const smallBold = style({ size: 9, bold: true });
const muted = style({ size: 9, color: colours.muted });

/** Places `draw` on one page: measured on a scratch flow first, then placed for real. */
function keepTogether(flow: Flow, draw: (f: Flow) => void): void {
  const probe = new Flow();
  draw(probe);
  const height = probe.pages.length === 1 ? probe.y - PAGE.top : Number.POSITIVE_INFINITY;
  // The scratch flow starts at the top, where leading gaps collapse; allow for them here.
  flow.ensure(height + 24);
  draw(flow);
}

function text(flow: Flow, spans: Span[], x = PAGE.left, width = CONTENT_WIDTH): void {
  for (const line of flow.lines(spans, width)) flow.placeLine(line, x, width);
}

function heading(flow: Flow, title: string, size = 13.5): void {
  flow.gap(size);
  text(flow, [{ text: title, style: style({ bold: true, size }) }]);
  flow.gap(4);
}

type Cell = string | number | null;
const show = (v: Cell): string => (v === null ? '–' : typeof v === 'number' ? String(v) : v);

/** A table: a wide first column of words, then right-aligned figure columns; every cell may wrap. */
function grid(flow: Flow, head: string[], rows: Cell[][], firstWidth: number): void {
  const others = head.length - 1;
  const colWidth = others > 0 ? (CONTENT_WIDTH - firstWidth) / others : 0;
  const place = (cells: Cell[], st: typeof small, shade: boolean): void => {
    const laid = cells.map((c, i) => flow.lines([{ text: show(c), style: st }], (i === 0 ? firstWidth : colWidth) - 6));
    const h =
      Math.max(...laid.map((lines) => lines.reduce((sum, l) => sum + lineHeight(l), 0)), lineHeight({ size: 9 })) + 3;
    flow.ensure(h);
    if (shade) flow.rect(PAGE.left, flow.y, CONTENT_WIDTH, h, [0.95, 0.95, 0.95]);
    laid.forEach((lines, i) => {
      let down = 1.5;
      for (const l of lines) {
        // Words read from their own side; figures line up on the right of their column.
        const x =
          i === 0
            ? l.rtl
              ? PAGE.left + firstWidth - 6 - l.width
              : PAGE.left
            : PAGE.left + firstWidth + colWidth * i - 4 - l.width;
        flow.ops.push({ op: 'text', line: l, x, y: flow.pdfY(down + lineHeight(l) * 0.74) });
        down += lineHeight(l);
      }
    });
    flow.y += h;
  };
  place(head, smallBold, false);
  flow.rule(PAGE.left, PAGE.width - PAGE.right, colours.rule);
  rows.forEach((r, i) => place(r, small, i % 2 === 1));
}

const pct = (p: number | null): string | null => (p === null ? null : `${p}%`);

/**
 * One breakdown: rows with a figure now or last period, a line naming the codes with none in
 * either, and its chart, all on one page.
 */
function figureTable(flow: Flow, table: ReportTable, period: Period, previous: Period): void {
  const used = table.rows.filter((r) => (r.count ?? 0) !== 0 || (r.previous ?? 0) !== 0);
  const none = table.rows.filter((r) => !used.includes(r)).map((r) => r.label);
  const head = ['', range(period), table.percentOf ? `% of ${table.percentOf}` : '%', range(previous)];
  const chart: ChartSpec | null = table.chart
    ? {
        kind: table.chart,
        title: `${table.title}, ${range(period)}`,
        data: table.rows.filter((r) => (r.count ?? 0) > 0).map((r) => ({ label: r.label, value: r.count ?? 0 })),
      }
    : null;
  keepTogether(flow, (f) => {
    heading(f, table.title);
    if (used.length)
      grid(
        f,
        head,
        used.map((r) => [r.label, r.count, pct(r.percent), r.previous ?? null]),
        CONTENT_WIDTH * 0.46,
      );
    else text(f, [{ text: 'Nothing to count in either period.', style: muted }]);
    if (none.length && used.length) {
      f.gap(3);
      text(f, [{ text: `None in either period: ${none.join(', ')}.`, style: muted }]);
    }
    if (chart && chart.data.length > 1) placeChart(f, chart, PAGE.left, CONTENT_WIDTH);
  });
}

/** A cross-table (issue by age band, issue by outcome) as a grid of this period's counts. */
function crossTable(
  flow: Flow,
  table: ReportTable,
  columns: readonly string[],
  columnLabels: readonly string[],
  rowLabel: (code: string) => string,
): void {
  const byRow = new Map<string, Map<string, number>>();
  for (const r of table.rows) {
    const at = r.code.lastIndexOf(':');
    const [a, b] =
      table.id === 'issues_by_age'
        ? [r.code.slice(at + 1), r.code.slice(0, at)]
        : [r.code.slice(0, at), r.code.slice(at + 1)];
    if (!byRow.has(a)) byRow.set(a, new Map());
    byRow.get(a)!.set(b, r.count ?? 0);
  }
  const rows = [...byRow].filter(([, cells]) => [...cells.values()].some((v) => v > 0));
  keepTogether(flow, (f) => {
    heading(f, table.title);
    if (!rows.length) text(f, [{ text: 'Nothing to count in this period.', style: muted }]);
    else
      grid(
        f,
        ['', ...columnLabels],
        rows.map(([code, cells]) => [rowLabel(code), ...columns.map((c) => cells.get(c) ?? 0)]),
        CONTENT_WIDTH * 0.3,
      );
  });
}

const range = (p: Period): string => `${formatUkDate(p.from)} to ${formatUkDate(p.to)}`;

export interface ReportLayoutInput {
  serviceName: string;
  letterhead: Letterhead | undefined;
  period: Period;
  previous: Period;
  tables: readonly ReportTable[];
  sections: readonly DocumentSection[];
  /** Words for the cross-tables' rows and columns. */
  cross: Record<
    string,
    { columns: readonly string[]; columnLabels: readonly string[]; rowLabel: (code: string) => string }
  >;
}

export function planReportPages(input: ReportLayoutInput): Flow {
  const flow = new Flow();
  if (input.letterhead) placeLetterhead(flow, input.letterhead);
  text(flow, [{ text: `${input.serviceName}: quarterly report`, style: style({ bold: true, size: 16 }) }]);
  text(flow, [{ text: range(input.period), style: style({ bold: true }) }]);
  text(flow, [{ text: `Each figure is shown beside the same figure for ${range(input.previous)}.`, style: muted }]);
  for (const table of input.tables) {
    const cross = input.cross[table.id];
    if (cross) crossTable(flow, table, cross.columns, cross.columnLabels, cross.rowLabel);
    else figureTable(flow, table, input.period, input.previous);
  }
  for (const s of input.sections) {
    heading(flow, s.title);
    if (s.kind === 'case_study') text(flow, [{ text: CHANGED_NOTICE, style: style({ italic: true }) }]);
    for (const para of s.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      flow.gap(6);
      for (const line of para.split('\n')) text(flow, [{ text: line, style: style() }]);
    }
  }
  placeFooters(flow, true);
  return flow;
}
