import { Alert, Group, List, Loader, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Period } from '../../../../shared/reports/period';
import type { ReportTable, ReportTableRow } from '../../../../shared/reports/tables';
import { errorMessage, send } from '../../api/client';

/**
 * The cases behind one figure, by reference only, so a manager can check a number before it goes
 * to commissioners without the screen showing any child's name.
 */
export function CasesBehind({
  period,
  picked,
  onClose,
}: {
  period: Period;
  picked: { table: ReportTable; row: ReportTableRow } | null;
  onClose: () => void;
}) {
  const [references, setReferences] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const cases = picked?.row.cases;

  useEffect(() => {
    if (!cases) return;
    let live = true;
    setReferences(null);
    setProblem(null);
    send('reports.casesBehind', { period, figure: cases.figure, code: cases.code })
      .then((r) => live && setReferences(r.references))
      .catch((e: unknown) => live && setProblem(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [period, cases]);

  return (
    <Modal
      opened={picked !== null}
      onClose={onClose}
      title={picked ? `${picked.table.title}: ${picked.row.label}` : ''}
      size="md"
    >
      {problem ? <Alert color="red">{problem}</Alert> : null}
      {!references && !problem ? (
        <Group>
          <Loader size="sm" />
          <Text size="sm">Finding the cases…</Text>
        </Group>
      ) : null}
      {references ? (
        <>
          <Text size="sm" mb="xs">
            {references.length === 1 ? '1 case is' : `${references.length} cases are`} behind this figure
            {picked && picked.row.count !== references.length
              ? '. A case can count more than once in this figure, or the figure is a total over these cases'
              : ''}
            .
          </Text>
          <List size="sm" data-testid="cases-behind" spacing={2}>
            {references.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Modal>
  );
}
