import { Anchor, Paper, SimpleGrid, Table, Title } from '@mantine/core';
import type { ReportTable, ReportTableRow } from '../../../../shared/reports/tables';
import { BarChart, PieChart } from './charts';

export const showPercent = (p: number | null): string => (p === null ? '–' : `${p}%`);
const showCount = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : String(n));

/** A figure's row was picked: the screen lists the cases behind it. */
export type PickFigure = (table: ReportTable, row: ReportTableRow) => void;

/**
 * One breakdown: the full table (every code, zeros included) beside its chart. A figure that
 * counts cases is a button that lists the cases behind it.
 */
export function FigureTable({
  table,
  testId,
  onPick,
  previousLabel,
}: {
  table: ReportTable;
  testId?: string;
  onPick: PickFigure;
  previousLabel?: string;
}) {
  const data = table.rows.map((r) => ({ label: r.label, value: r.count ?? 0 }));
  const withPrevious = previousLabel !== undefined;
  return (
    <Paper withBorder p="md" data-testid={testId ?? `figure-${table.id.replace(/_/g, '-')}`}>
      <Title order={3} size="h5" mb="sm">
        {table.title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: table.chart ? 2 : 1 }} spacing="lg">
        <Table striped withTableBorder={false} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{table.title}</Table.Th>
              <Table.Th scope="col" ta="right">
                Number
              </Table.Th>
              {table.percentOf ? (
                <Table.Th scope="col" ta="right">
                  % of {table.percentOf}
                </Table.Th>
              ) : null}
              {withPrevious ? (
                <Table.Th scope="col" ta="right">
                  {previousLabel}
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r) => (
              <Table.Tr key={r.code} c={r.count === 0 ? 'dimmed' : undefined}>
                <Table.Th scope="row" fw="normal">
                  {r.label}
                </Table.Th>
                <Table.Td ta="right">
                  {r.cases && r.count ? (
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      onClick={() => onPick(table, r)}
                      aria-label={`${r.label}: ${r.count}. Show the cases`}
                    >
                      {showCount(r.count)}
                    </Anchor>
                  ) : (
                    showCount(r.count)
                  )}
                </Table.Td>
                {table.percentOf ? <Table.Td ta="right">{showPercent(r.percent)}</Table.Td> : null}
                {withPrevious ? <Table.Td ta="right">{showCount(r.previous)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {table.chart === 'bar' ? (
          <BarChart title={table.title} data={data} />
        ) : table.chart === 'pie' ? (
          <PieChart title={table.title} data={data} />
        ) : null}
      </SimpleGrid>
    </Paper>
  );
}
