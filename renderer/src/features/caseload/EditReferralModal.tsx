import { Button, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Referral, ReferralFields } from '../../../../shared/domain/caseload';
import { errorMessage, send } from '../../api/client';
import { optionsOf, serviceUserTypeLabels, sourceLabels, urgencyLabels } from './labels';
import { DateField, notFuture } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Changing a referral after intake: urgency as things change, who referred, consent explained later. */
export function EditReferralModal({ opened, referral, onClose, onSaved }: { opened: boolean; referral: Referral; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState<ReferralFields>(() => ({
    ...referral,
    referralDate: referral.referralDate ?? undefined,
    serviceUserType: referral.serviceUserType ?? undefined,
  }));
  const [error, setError] = useState<string | null>(null);
  const dates = useDateProblems();
  const text = (k: 'referrer' | 'referrerContact' | 'urgencyReason' | 'consentExplainedHow' | 'request') => ({
    value: f[k] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }),
  });
  const save = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    try {
      const { referralDate, source, referrer, referrerContact, serviceUserType, urgency, urgencyReason, advocacyType, consentExplainedOn, consentExplainedHow, confidentialityExplained, request } = f;
      await send('caseload.referrals.update', {
        caseId: referral.id,
        fields: { referralDate, source, referrer, referrerContact, serviceUserType, urgency, urgencyReason, advocacyType, consentExplainedOn, consentExplainedHow, confidentialityExplained, request },
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
        <SimpleGrid cols={2}>
          <DateField label="Referral date" value={f.referralDate ?? null} onChange={(v) => setF({ ...f, referralDate: v ?? undefined })} notAfter={notFuture("A referral date can't be in the future.")} onProblem={dates.on('referralDate')} />
          <Select label="Service-user type" data={optionsOf(serviceUserTypeLabels)} value={f.serviceUserType ?? null} onChange={(v) => setF({ ...f, serviceUserType: (v ?? undefined) as ReferralFields['serviceUserType'] })} allowDeselect={false} />
          <Select label="Source" data={optionsOf(sourceLabels)} value={f.source ?? null} onChange={(v) => setF({ ...f, source: v as ReferralFields['source'] })} clearable />
          <TextInput label="Referrer" {...text('referrer')} />
          <TextInput label="Referrer's phone or email" {...text('referrerContact')} />
          <Select label="Urgency" data={optionsOf(urgencyLabels)} value={f.urgency ?? 'standard'} onChange={(v) => setF({ ...f, urgency: (v ?? 'standard') as ReferralFields['urgency'] })} allowDeselect={false} />
        </SimpleGrid>
        <TextInput label="Why is it urgent?" {...text('urgencyReason')} />
        <Radio.Group label="Type of advocacy" value={f.advocacyType ?? 'instructed'} onChange={(v) => setF({ ...f, advocacyType: v === 'non_instructed' ? 'non_instructed' : 'instructed' })}>
          <Group mt="xs">
            <Radio value="instructed" label="Instructed" />
            <Radio value="non_instructed" label="Non-instructed" />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={2}>
          <DateField label="Consent and confidentiality explained on" value={f.consentExplainedOn ?? null} onChange={(v) => setF({ ...f, consentExplainedOn: v })} notAfter={notFuture("This can't be a date in the future.")} onProblem={dates.on('consentExplainedOn')} />
          <TextInput label="How they were explained" {...text('consentExplainedHow')} />
        </SimpleGrid>
        <Checkbox label="Confidentiality and its limits have been explained" checked={f.confidentialityExplained ?? false} onChange={(e) => setF({ ...f, confidentialityExplained: e.currentTarget.checked })} />
        <Textarea label="What they are asking for" autosize minRows={2} {...text('request')} />
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
