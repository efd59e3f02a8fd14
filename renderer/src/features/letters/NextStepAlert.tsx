import { Alert, Button, Text, type MantineSpacing } from '@mantine/core';
import type { Complaint } from '../../../../shared/ipc/letters';
import { useWriteLetter } from './useWriteLetter';

/** What to do next about a complaint, with the letter for it one click away, already filled in. */
export function NextStepAlert({
  complaint,
  mt,
  caseLabel,
}: {
  complaint: Complaint;
  mt?: MantineSpacing;
  caseLabel?: string;
}) {
  const { write, error, busy } = useWriteLetter();
  const { nextStep } = complaint;
  return (
    <Alert
      color={complaint.overdue ? 'red' : 'blue'}
      mt={mt}
      title={complaint.overdue ? `Overdue${caseLabel ? `: ${caseLabel}` : ''}` : 'Next step'}
      role={complaint.overdue ? 'alert' : undefined}
    >
      <Text size="sm">{nextStep.text}</Text>
      {nextStep.templateId ? (
        <Button
          size="xs"
          mt="xs"
          loading={busy}
          onClick={() => void write(complaint.caseId, nextStep.templateId as string, complaint.id)}
        >
          Write the letter
        </Button>
      ) : null}
      {error ? (
        <Text size="sm" c="red" mt="xs">
          {error}
        </Text>
      ) : null}
    </Alert>
  );
}
