import { Button, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Referral, ReferralFields } from '../../../../shared/domain/caseload';
import { todayIso } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { optionsOf, serviceUserTypeLabels, sourceLabels, urgencyLabels } from './labels';
import { UkDateInput } from './UkDateInput';
import { ProblemAlert } from '../shell/ProblemAlert';

/** Changing a referral after intake: urgency as things change, who referred, consent explained later. */
export function EditReferralModal({ opened, referral, onClose, onSaved }: { opened: boolean; referral: Referral; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState<ReferralFields>(() => ({
    ...referral,
    referralDate: referral.referralDate ?? undefined,
    serviceUserType: referral.serviceUserType ?? undefined,
  }));
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const text = (k: 'referrer' | 'referrerContact' | 'urgencyReason' | 'consentExplainedHow' | 'request' | 'socialWorkerToldHow') => ({
    value: f[k] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }),
  });
  const save = async () => {
    try {
      const { referralDate, source, referrer, referrerContact, serviceUserType, urgency, urgencyReason, advocacyType, consentExplainedOn, consentExplainedHow, confidentialityExplained, request, socialWorkerToldOn, socialWorkerToldHow } = f;
      await send('caseload.referrals.update', {
        caseId: referral.id,
        fields: {
          referralDate, source, referrer, referrerContact, serviceUserType, urgency, urgencyReason, advocacyType, consentExplainedOn, consentExplainedHow, confidentialityExplained, request,
          socialWorkerToldOn: socialWorkerToldOn ?? null, socialWorkerToldHow,
        },
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
        <SimpleGrid cols={2}>
          <UkDateInput label="Referral date" value={f.referralDate ?? null} onChange={(v) => setF({ ...f, referralDate: v ?? undefined })} maxDate={todayIso()} />
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
          <UkDateInput label="Consent and confidentiality explained on" value={f.consentExplainedOn ?? null} onChange={(v) => setF({ ...f, consentExplainedOn: v })} maxDate={todayIso()} clearable />
          <TextInput label="How they were explained" {...text('consentExplainedHow')} />
        </SimpleGrid>
        <Checkbox label="Confidentiality and its limits have been explained" checked={f.confidentialityExplained ?? false} onChange={(e) => setF({ ...f, confidentialityExplained: e.currentTarget.checked })} />
        <Textarea label="What they are asking for" autosize minRows={2} {...text('request')} />
        <SimpleGrid cols={2}>
          <UkDateInput
            label="Social worker told an advocate is involved on"
            description="For a young child or non-instructed advocacy"
            value={f.socialWorkerToldOn ?? null}
            onChange={(v) => setF({ ...f, socialWorkerToldOn: v })}
            maxDate={todayIso()}
            clearable
          />
          <TextInput label="How they were told" placeholder="e.g. by phone" {...text('socialWorkerToldHow')} />
        </SimpleGrid>
        <TextInput label="Why are you changing this? (optional)" description="Kept with the change in the case's history" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
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
