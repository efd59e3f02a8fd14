import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, send } from '../../api/client';
import { AuditTrail } from './AuditTrail';
import { downloadFile, downloadPdf } from '../../api/download';

/** On a case page: who has opened it, and everything held about the young person for a subject access request. */
export function CaseDataTab({ caseId }: { caseId: string }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAll = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await send('subjectAccess.export', { caseId });
      downloadFile(r.json.fileName, r.json.text, 'application/json');
      downloadPdf(r.pdf.fileName, r.pdf.base64);
      setDone(
        `Exported ${r.records} records from ${r.cases} case${r.cases === 1 ? '' : 's'} as a JSON file and a ${r.pdf.pages}-page PDF.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xl">
      <Stack>
        <Title order={2} size="h4">
          Subject access request
        </Title>
        <Text size="sm">
          Exports everything held about this young person, across all their cases, with who has opened the records. The
          files leave the encrypted store: keep them safe and give them only to the young person or their
          representative.
        </Text>
        {error ? <Alert color="red">{error}</Alert> : null}
        {done ? <Alert color="green">{done}</Alert> : null}
        <Group>
          <Button onClick={() => void exportAll()} loading={busy}>
            Export everything about this person
          </Button>
        </Group>
      </Stack>
      <AuditTrail caseId={caseId} />
    </Stack>
  );
}
