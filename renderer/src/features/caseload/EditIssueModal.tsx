import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Issue } from '../../../../shared/domain/caseload';
import type { IssueCode } from '../../../../shared/domain/codes';
import { errorMessage, send } from '../../api/client';
import { ProblemAlert } from '../shell/ProblemAlert';
import { issueLabels, optionsOf } from './labels';

/** Putting an issue's theme or wording right; the earlier wording stays in the case's history. */
export function EditIssueModal({
  issue,
  onClose,
  onSaved,
}: {
  issue: Issue;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [code, setCode] = useState<IssueCode>(issue.code);
  const [description, setDescription] = useState(issue.description ?? '');
  const [wantedOutcome, setWantedOutcome] = useState(issue.wantedOutcome ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await send('caseload.issues.update', {
        issueId: issue.id,
        fields: { code, description, wantedOutcome },
        reason: reason.trim() || undefined,
      });
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened onClose={onClose} title="Edit issue" size="lg">
      <Stack gap="sm">
        <Select
          label="Theme"
          data={optionsOf(issueLabels)}
          value={code}
          onChange={(v) => v && setCode(v as IssueCode)}
          allowDeselect={false}
          searchable
          required
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
        <TextInput
          label="Why are you changing this? (optional)"
          description="Kept with the change in the case's history"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ProblemAlert problem={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()}>Save issue</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
