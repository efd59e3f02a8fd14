import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Column<T> {
  label: string;
  cell: (row: T) => ReactNode;
}

/** One part of the Team screen: a titled table, or a sentence saying there is nothing to do. */
export function TeamSection<T>(props: {
  id: string;
  title: string;
  rows: T[];
  empty: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
}) {
  const headingId = `${props.id}-heading`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid={props.id}>
      <Title order={2} size="h4" id={headingId}>
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <Text size="sm">{props.empty}</Text>
      ) : (
        <Table striped aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c) => (
                <Table.Th key={c.label}>{c.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((r) => (
              <Table.Tr key={props.rowKey(r)}>
                {props.columns.map((c) => (
                  <Table.Td key={c.label}>{c.cell(r)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** A case's name as a link to its page. */
export function CaseLink({ caseId, name }: { caseId: string; name: string }) {
  return (
    <Anchor component={Link} to={`/caseload/${caseId}`}>
      {name}
    </Anchor>
  );
}
