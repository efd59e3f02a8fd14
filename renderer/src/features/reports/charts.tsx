import { Text } from '@mantine/core';

/*
 * Small SVG charts for the report screen. Each is an image with a text alternative listing every
 * figure, and the same figures are always in a table beside it, so nothing depends on seeing the
 * chart. Colours are the Okabe-Ito palette (distinguishable with common colour-vision differences),
 * the same as the PDF's.
 */
export interface Datum {
  label: string;
  value: number;
}

const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const describe = (title: string, data: Datum[]): string =>
  `${title}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}.`;

/** Horizontal bars, so long labels have their own column. */
export function BarChart({ title, data }: { title: string; data: Datum[] }) {
  const shown = data.filter((d) => d.value > 0);
  if (shown.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing to chart for {title.toLowerCase()}.
      </Text>
    );
  const max = Math.max(...shown.map((d) => d.value));
  const row = 26;
  const labelW = 190;
  const barW = 260;
  const height = shown.length * row + 8;
  return (
    <svg
      role="img"
      aria-label={describe(title, shown)}
      viewBox={`0 0 ${labelW + barW + 50} ${height}`}
      width="100%"
      style={{ maxWidth: 520 }}
    >
      <title>{describe(title, shown)}</title>
      {shown.map((d, i) => {
        const w = Math.max(2, (d.value / max) * barW);
        const y = i * row + 4;
        return (
          <g key={d.label}>
            <text x={labelW - 8} y={y + 15} textAnchor="end" fontSize="12" fill="currentColor">
              {d.label.length > 30 ? `${d.label.slice(0, 29)}…` : d.label}
            </text>
            <rect x={labelW} y={y} width={w} height={row - 8} fill={palette[0]} rx="2" />
            <text x={labelW + w + 6} y={y + 15} fontSize="12" fill="currentColor">
              {d.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A pie with a key; slices under one in a hundred are still listed in the key. */
export function PieChart({ title, data }: { title: string; data: Datum[] }) {
  const shown = data.filter((d) => d.value > 0);
  const total = shown.reduce((s, d) => s + d.value, 0);
  if (total === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing to chart for {title.toLowerCase()}.
      </Text>
    );
  const longest = Math.max(...shown.map((d) => `${d.label}: ${d.value} (100%)`.length));
  const r = 70;
  const cx = 80;
  const cy = 80;
  let angle = -Math.PI / 2;
  const slices = shown.map((d, i) => {
    const sweep = (d.value / total) * Math.PI * 2;
    const start = angle;
    angle += sweep;
    const colour = palette[i % palette.length]!;
    if (shown.length === 1) return <circle key={d.label} cx={cx} cy={cy} r={r} fill={colour} />;
    const [x1, y1] = [cx + r * Math.cos(start), cy + r * Math.sin(start)];
    const [x2, y2] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
    const large = sweep > Math.PI ? 1 : 0;
    return (
      <path
        key={d.label}
        d={`M${cx},${cy} L${x1},${y1} A${r},${r} 0 ${large} 1 ${x2},${y2} Z`}
        fill={colour}
        stroke="#fff"
        strokeWidth="1"
      />
    );
  });
  return (
    // Wide enough for the longest closure outcome label with its figures.
    <svg
      role="img"
      aria-label={describe(title, shown)}
      viewBox={`0 0 ${Math.max(440, 210 + longest * 6.6)} ${Math.max(170, shown.length * 22 + 10)}`}
      width="100%"
      style={{ maxWidth: 640 }}
    >
      <title>{describe(title, shown)}</title>
      {slices}
      {shown.map((d, i) => (
        <g key={d.label}>
          <rect x={180} y={10 + i * 22} width={12} height={12} fill={palette[i % palette.length]} />
          <text x={198} y={21 + i * 22} fontSize="12" fill="currentColor">
            {`${d.label}: ${d.value} (${Math.round((d.value / total) * 1000) / 10}%)`}
          </text>
        </g>
      ))}
    </svg>
  );
}
