import { Paper, SimpleGrid, Table, Title } from '@mantine/core';
import { percent } from '../../../../shared/reports/rounding';
import { BarChart, PieChart } from './charts';

export interface FigureRow {
  code: string;
  label: string;
  count: number;
  percent: number | null;
}

export function rowsOf(counts: Record<string, number>, label: (code: string) => string, total: number | null): FigureRow[] {
  return Object.entries(counts).map(([code, count]) => ({ code, label: label(code), count, percent: total === null ? null : percent(count, total) }));
}

export const showPercent = (p: number | null): string => (p === null ? '–' : `${p}%`);

/** One breakdown: the full table (every code, zeros included) beside its chart. */
export function FigureTable({ title, rows, chart, percentOf, testId }: { title: string; rows: FigureRow[]; chart: 'bar' | 'pie'; percentOf?: string; testId?: string }) {
  const data = rows.map((r) => ({ label: r.label, value: r.count }));
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Table striped withTableBorder={false} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{title}</Table.Th>
              <Table.Th scope="col" ta="right">
                Number
              </Table.Th>
              {percentOf ? (
                <Table.Th scope="col" ta="right">
                  % of {percentOf}
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code} c={r.count === 0 ? 'dimmed' : undefined}>
                <Table.Th scope="row" fw="normal">
                  {r.label}
                </Table.Th>
                <Table.Td ta="right">{r.count}</Table.Td>
                {percentOf ? <Table.Td ta="right">{showPercent(r.percent)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {chart === 'bar' ? <BarChart title={title} data={data} /> : <PieChart title={title} data={data} />}
      </SimpleGrid>
    </Paper>
  );
}
