import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Issue } from '../../../../shared/domain/caseload';
import type { IssueCode, IssueOutcome } from '../../../../shared/domain/codes';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { EditIssueModal } from './EditIssueModal';
import { issueLabels, issueOutcomeLabels, optionsOf } from './labels';
import { ProblemAlert } from '../shell/ProblemAlert';

/** The issues the case was opened for, each with its status and, once resolved, its outcome. */
export function IssuesTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Issue | null>(null);
  const [editing, setEditing] = useState<Issue | null>(null);
  const [removeReason, setRemoveReason] = useState('');
  const closed = detail.referral.status === 'closed';

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError(null);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Stack>
      <ProblemAlert problem={error} />
      {detail.issues.map((issue) => (
        <Paper key={issue.id} withBorder p="md" component="article" aria-label={issueLabels[issue.code]}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h5">
              {issueLabels[issue.code]}
            </Title>
            <Badge variant="light" color={issue.status === 'resolved' ? 'gray' : 'teal'}>
              {issue.status === 'resolved' ? 'Resolved' : 'Open'}
            </Badge>
          </Group>
          {issue.description ? <Text size="sm">“{issue.description}”</Text> : null}
          {issue.wantedOutcome ? (
            <Text size="sm" c="dimmed">
              Wants: {issue.wantedOutcome}
            </Text>
          ) : null}
          <Group mt="sm" align="flex-end">
            <Select
              label="Outcome"
              data={optionsOf(issueOutcomeLabels)}
              value={issue.outcome}
              placeholder="Not yet"
              clearable
              onChange={(v) =>
                void run(() =>
                  send('caseload.issues.update', {
                    issueId: issue.id,
                    fields: { outcome: v as IssueOutcome | null, status: v ? 'resolved' : 'open' },
                  }),
                )
              }
            />
            <Button variant="default" onClick={() => setEditing(issue)}>
              Edit issue
            </Button>
            {!closed ? (
              <Button variant="subtle" color="red" onClick={() => setRemoving(issue)}>
                Remove issue
              </Button>
            ) : null}
          </Group>
        </Paper>
      ))}
      {!closed ? <AddIssue caseId={detail.referral.id} onAdded={onChanged} /> : null}
      {editing ? <EditIssueModal issue={editing} onClose={() => setEditing(null)} onSaved={onChanged} /> : null}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title="Remove this issue?">
        <Stack>
          <Text size="sm">
            It will no longer count in reports, and what it said stays in the case’s history. Use an outcome of
            “withdrawn” instead if the young person changed their mind.
          </Text>
          <TextInput
            label="Why? (optional)"
            value={removeReason}
            onChange={(e) => setRemoveReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              onClick={() => {
                const id = removing?.id;
                const reason = removeReason.trim() || undefined;
                setRemoving(null);
                setRemoveReason('');
                if (id) void run(() => send('caseload.issues.remove', { issueId: id, reason }));
              }}
            >
              Remove issue
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function AddIssue({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const [code, setCode] = useState<IssueCode | null>(null);
  const [description, setDescription] = useState('');
  const [wantedOutcome, setWantedOutcome] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!code) return;
    try {
      await send('caseload.issues.add', { caseId, issue: { code, description, wantedOutcome } });
      setCode(null);
      setDescription('');
      setWantedOutcome('');
      setError(null);
      onAdded();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Add an issue">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Add an issue
        </Title>
        <Select
          label="Theme"
          data={optionsOf(issueLabels)}
          value={code}
          onChange={(v) => setCode(v as IssueCode | null)}
          searchable
        />
        <Textarea
          label="In their own words"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Textarea
          label="The outcome they want"
          autosize
          minRows={1}
          value={wantedOutcome}
          onChange={(e) => setWantedOutcome(e.currentTarget.value)}
        />
        {error ? (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
        <Group>
          <Button onClick={() => void add()} disabled={!code}>
            Add issue
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
