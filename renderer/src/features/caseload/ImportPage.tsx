import { Alert, Button, FileInput, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatUkDate } from '../../../../shared/domain/dates';
import { importColumns } from '../../../../shared/domain/referral-import';
import type { ImportReport } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { PageHeader } from '../shell/PageHeader';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Moving from a spreadsheet: check the whole file first, then import all of it or nothing. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const navigate = useNavigate();

  const choose = async (f: File | null) => {
    setFile(f);
    setReport(null);
    setDone(null);
    setError(null);
    if (!f) return setCsv(null);
    try {
      const text = await f.text();
      setCsv(text);
      setBusy(true);
      setReport(await send('caseload.import.preview', { csv: text }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!csv) return;
    setBusy(true);
    try {
      const r = await send('caseload.import.apply', { csv });
      setReport(r);
      setDone(
        r.imported
          ? `Imported ${r.rows} referrals: ${r.create} new, ${r.update} updated, ${r.unchanged} unchanged.`
          : null,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const ok = report && report.problems.length === 0 && report.rows > 0;
  return (
    <>
      <PageHeader
        title="Import referrals"
        description="From a spreadsheet saved as CSV (UTF-8). Nothing is imported unless every row is right."
      />
      <Stack maw={960}>
        <Paper withBorder p="md">
          <Text size="sm" mb="xs">
            The first row names the columns, in any order: {importColumns.join(', ')}. Dates as dd/mm/yyyy (or
            YYYY-MM-DD). Types, genders, sources, urgencies, issues and outcomes as the words Heard shows (such as Child
            in care, Social worker, Placement) or their codes, with issues separated by semicolons. Councils by name
            (such as Lancashire) or ONS code. Importing the same file again changes nothing, and a changed row updates
            its referral.
          </Text>
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => void choose(f)}
            clearable
            placeholder="Choose a file"
          />
        </Paper>
        <ProblemAlert problem={error} />
        {done ? (
          <Alert color="teal" role="status" title="Import finished">
            {done}
            <Group mt="sm">
              <Button size="xs" onClick={() => void navigate('/caseload')}>
                Go to the caseload
              </Button>
            </Group>
          </Alert>
        ) : null}
        {report && report.problems.length > 0 ? (
          <Paper withBorder p="md" aria-label="Problems">
            <Title order={2} size="h4" mb="xs">
              {report.problems.length} problem{report.problems.length === 1 ? '' : 's'} to fix: nothing will be imported
              until they are
            </Title>
            <Table striped aria-label="Problems by row and column">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Row</Table.Th>
                  <Table.Th>Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column || '—'}</Table.Td>
                    <Table.Td>{p.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ) : null}
        {ok && !done ? (
          <Paper withBorder p="md" aria-label="Preview">
            <Title order={2} size="h4" mb="xs">
              Ready to import {report.rows} referrals
            </Title>
            <List size="sm" mb="sm">
              <List.Item>{report.create} new</List.Item>
              <List.Item>{report.update} updated</List.Item>
              <List.Item>{report.unchanged} already up to date</List.Item>
            </List>
            <Table striped aria-label="First rows">
              <Table.Thead>
                <Table.Tr>
                  {['Row', 'Reference', 'Name', 'Type', 'Council', 'Referred', 'Issues', 'Status'].map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.preview.map((r) => (
                  <Table.Tr key={r.row}>
                    {[
                      'row',
                      'reference',
                      'name',
                      'service_user_type',
                      'local_authority',
                      'referral_date',
                      'issues',
                      'status',
                    ].map((k) => (
                      <Table.Td key={k}>{k === 'referral_date' && r[k] ? formatUkDate(r[k]) : r[k]}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group mt="md">
              <Button onClick={() => setConfirming(true)} loading={busy} disabled={report.create + report.update === 0}>
                Import
              </Button>
            </Group>
          </Paper>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title="Import these referrals?"
        body={report ? `${report.create} new referrals will be added and ${report.update} updated.` : ''}
        confirm="Import"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void apply()}
      />
    </>
  );
}
