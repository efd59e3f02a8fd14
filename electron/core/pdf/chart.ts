import { colours, style, type ChartSpec, type Rgb } from './blocks';
import { lineHeight, type Flow } from './flow';
import type { Line } from './text-layout';

/*
 * Bar and pie charts drawn with vector primitives, for quarterly reports. Bars run horizontally so
 * labels of any length and script wrap in their own column instead of colliding under the bars.
 * Colours are the Okabe-Ito palette, distinguishable with the common colour-vision differences.
 */

const palette: Rgb[] = [
  [0, 114, 178],
  [230, 159, 0],
  [0, 158, 115],
  [204, 121, 167],
  [86, 180, 233],
  [213, 94, 0],
  [240, 228, 66],
  [0, 0, 0],
].map((c) => c.map((v) => v / 255) as Rgb);

const small = style({ size: 9 });
const titleStyle = style({ bold: true, size: 11 });

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function placeAt(flow: Flow, line: Line, x: number, down: number): void {
  flow.ops.push({ op: 'text', line, x, y: flow.pdfY(down + lineHeight(line) * 0.74) });
}

function linesHeight(lines: Line[]): number {
  return lines.reduce((h, l) => h + lineHeight(l), 0);
}

function title(flow: Flow, chart: ChartSpec, x: number, width: number): void {
  flow.gap(8);
  const lines = flow.lines([{ text: chart.title, style: titleStyle }], width);
  flow.ensure(linesHeight(lines) + 40);
  for (const line of lines) flow.placeLine(line, x, width);
  flow.gap(4);
}

function bars(flow: Flow, chart: ChartSpec, x: number, width: number): void {
  const labelWidth = Math.round(width * 0.38);
  const barArea = width - labelWidth - 44;
  const max = Math.max(...chart.data.map((d) => d.value), 0) || 1;
  chart.data.forEach((d, i) => {
    const labels = flow.lines([{ text: d.label, style: small }], labelWidth - 8);
    const rowHeight = Math.max(linesHeight(labels), 16) + 4;
    flow.ensure(rowHeight);
    let down = 2;
    for (const line of labels) {
      placeAt(flow, line, line.rtl ? x + labelWidth - 8 - line.width : x, down);
      down += lineHeight(line);
    }
    const barTop = flow.y + (rowHeight - 10) / 2;
    const w = d.value > 0 ? Math.max((barArea * d.value) / max, 1) : 0;
    if (w > 0) flow.rect(x + labelWidth, barTop, w, 10, palette[i % palette.length] as Rgb);
    const [value] = flow.lines([{ text: formatValue(d.value), style: small }], 40);
    if (value) placeAt(flow, value, x + labelWidth + w + 4, (rowHeight - lineHeight(value)) / 2);
    const axisX = x + labelWidth - 0.5;
    flow.ops.push({
      op: 'line',
      x1: axisX,
      y1: flow.pdfY(),
      x2: axisX,
      y2: flow.pdfY(rowHeight),
      thickness: 0.6,
      colour: colours.rule,
    });
    flow.y += rowHeight;
  });
}

function wedge(radius: number, from: number, to: number): string {
  const points: string[] = ['M 0 0'];
  const steps = Math.max(2, Math.ceil(((to - from) * 180) / Math.PI / 2));
  for (let k = 0; k <= steps; k += 1) {
    const a = from + ((to - from) * k) / steps;
    // SVG's y axis points down: a clockwise pie from twelve o'clock.
    points.push(`L ${(radius * Math.sin(a)).toFixed(2)} ${(-radius * Math.cos(a)).toFixed(2)}`);
  }
  return `${points.join(' ')} Z`;
}

function pie(flow: Flow, chart: ChartSpec, x: number, width: number): void {
  const total = chart.data.reduce((s, d) => s + d.value, 0);
  const diameter = Math.min(130, width * 0.4);
  const legendX = x + diameter + 24;
  const legendWidth = width - diameter - 24 - 14;
  const entries = chart.data.map((d) => {
    const pct = total > 0 ? Math.round((d.value / total) * 100) : 0;
    return flow.lines([{ text: `${d.label}: ${formatValue(d.value)} (${pct}%)`, style: small }], legendWidth);
  });
  const legendHeight = entries.reduce((h, lines) => h + linesHeight(lines) + 3, 0);
  const height = Math.max(diameter, legendHeight) + 8;
  flow.ensure(height);
  if (total > 0) {
    const cx = x + diameter / 2;
    const cy = flow.pdfY(diameter / 2 + 4);
    let angle = 0;
    chart.data.forEach((d, i) => {
      if (d.value <= 0) return;
      const sweep = (d.value / total) * Math.PI * 2;
      flow.ops.push({
        op: 'path',
        d: wedge(diameter / 2, angle, angle + sweep),
        x: cx,
        y: cy,
        colour: palette[i % palette.length] as Rgb,
      });
      angle += sweep;
    });
  }
  let down = 4;
  entries.forEach((lines, i) => {
    flow.rect(legendX, flow.y + down + 3, 8, 8, palette[i % palette.length] as Rgb);
    for (const line of lines) {
      placeAt(flow, line, legendX + 14, down);
      down += lineHeight(line);
    }
    down += 3;
  });
  flow.y += height;
}

export function placeChart(flow: Flow, chart: ChartSpec, x: number, width: number): void {
  title(flow, chart, x, width);
  if (chart.data.length === 0) {
    for (const line of flow.lines([{ text: 'No figures to show.', style: small }], width))
      flow.placeLine(line, x, width);
    return;
  }
  if (chart.kind === 'pie') pie(flow, chart, x, width);
  else bars(flow, chart, x, width);
}
