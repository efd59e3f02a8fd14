import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Referral } from '../../../../shared/domain/caseload';
import { todayIso } from '../../../../shared/domain/dates';
import { referralRecord } from '../../../../shared/domain/records/caseload-records';
import { editableFields } from '../../../../shared/domain/records/define';
import { errorMessage, send } from '../../api/client';
import { RecordFields } from './RecordFields';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useDateProblems } from '../shell/useDateProblems';

/**
 * Changing a referral after intake: urgency as things change, who referred, consent explained
 * later. Every field a form may set is drawn and saved from the referral's definition, so none is
 * left out on save.
 */
export function EditReferralModal({
  opened,
  referral,
  onClose,
  onSaved,
}: {
  opened: boolean;
  referral: Referral;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [f, setF] = useState<Record<string, unknown>>(() => ({ ...referral }));
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const dates = useDateProblems();
  const save = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      await send('caseload.referrals.update', {
        caseId: referral.id,
        fields: editableFields(referralRecord, f),
        reason: reason.trim() || undefined,
      });
      setError(null);
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Edit referral" size="lg">
      <Stack gap="sm">
        <RecordFields
          def={referralRecord}
          values={f}
          onChange={(patch) => setF({ ...f, ...patch })}
          today={todayIso()}
          cols={2}
          dateProblem={dates.on}
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
          <Button onClick={() => void save()}>Save referral</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
