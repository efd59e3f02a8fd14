import { Button, Checkbox, Group, Modal, MultiSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { PersonFields } from '../../../../shared/domain/caseload';
import { formatUkDate } from '../../../../shared/domain/dates';
import { ageOn } from '../../../../shared/domain/statutory-entitlements';
import { todayIso } from '../../../../shared/domain/dates';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { errorMessage, send } from '../../api/client';
import { EditReferralModal } from './EditReferralModal';
import { EntitlementPanel } from './EntitlementPanel';
import { genderLabels, optionsOf, sourceLabels, statusTagLabels } from './labels';
import { ProblemAlert } from '../shell/ProblemAlert';
import { councilName } from '../../../../shared/domain/councils';
import { CouncilSelect } from './CouncilSelect';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/** Who the young person is, how they were referred, and their statutory entitlement. */
export function OverviewTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { person: p, referral: r } = detail;
  const [editing, setEditing] = useState(false);
  const [editingReferral, setEditingReferral] = useState(false);
  const age = ageOn(p?.dateOfBirth ?? null, todayIso());
  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-label="Person">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {p?.kind === 'parent' ? 'Parent' : 'Young person'}
          </Title>
          {p ? (
            <Button variant="default" size="xs" onClick={() => setEditing(true)}>
              Edit details
            </Button>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label="Legal name">{[p?.firstName, p?.lastName].filter(Boolean).join(' ')}</Field>
          <Field label="Name they use">{p?.preferredName}</Field>
          <Field label="Date of birth">{p?.dateOfBirth ? `${formatUkDate(p.dateOfBirth)}${age !== null ? ` (${age})` : ''}` : ''}</Field>
          <Field label="Gender">{p?.gender ? (p.gender === 'other' && p.genderDescription ? p.genderDescription : genderLabels[p.gender]) : ''}</Field>
          <Field label="First language">{[p?.firstLanguage, p?.interpreterNeeded ? `interpreter needed${p.interpreterLanguage ? ` (${p.interpreterLanguage})` : ''}` : ''].filter(Boolean).join(', ')}</Field>
          <Field label="Local authority">{p?.localAuthority ? councilName(p.localAuthority) : ''}</Field>
          <Field label="Status">{p?.statusTags.map((t) => statusTagLabels[t]).join(', ')}</Field>
          <Field label="Placement">
            {[p?.placementType, p?.placementInArea === null || p?.placementInArea === undefined ? '' : p.placementInArea ? 'in area' : 'out of area'].filter(Boolean).join(', ')}
          </Field>
          <Field label="Placement address">{p?.placementAddress}</Field>
          <Field label="Communication needs">{p?.communicationNeeds}</Field>
          <Field label="Disability">{p?.disability}</Field>
        </SimpleGrid>
        {p && p.keyContacts.length > 0 ? (
          <>
            <Title order={3} size="h5" mt="md" mb="xs">
              Key contacts
            </Title>
            {p.keyContacts.map((c, i) => (
              <Text size="sm" key={i}>
                {c.role.replace('_', ' ')}: {c.name}
                {c.phone ? `, ${c.phone}` : ''}
                {c.email ? `, ${c.email}` : ''}
              </Text>
            ))}
          </>
        ) : null}
      </Paper>
      <Paper withBorder p="md" component="section" aria-label="Referral">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Referral
          </Title>
          <Button variant="default" size="xs" onClick={() => setEditingReferral(true)}>
            Edit referral
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label="Referral date">{r.referralDate ? formatUkDate(r.referralDate) : ''}</Field>
          <Field label="Source">{[r.source ? sourceLabels[r.source] : '', r.referrer].filter(Boolean).join(': ')}</Field>
          <Field label="Urgency reason">{r.urgencyReason}</Field>
          <Field label="Allocated">
            {r.allocationDate ? `${formatUkDate(r.allocationDate)}${r.daysToAllocation !== null ? ` (after ${r.daysToAllocation} day${r.daysToAllocation === 1 ? '' : 's'})` : ''}` : 'Not yet'}
          </Field>
          <Field label="Consent and confidentiality explained">
            {[r.consentExplainedOn ? formatUkDate(r.consentExplainedOn) : '', r.consentExplainedHow, r.confidentialityExplained ? 'limits of confidentiality explained' : ''].filter(Boolean).join('; ')}
          </Field>
          <Field label="What they are asking for">{r.request}</Field>
        </SimpleGrid>
      </Paper>
      <EntitlementPanel result={detail.entitlements} />
      {editingReferral ? <EditReferralModal opened referral={r} onClose={() => setEditingReferral(false)} onSaved={onChanged} /> : null}
      {p ? <EditPerson opened={editing} caseId={r.id} person={p} onClose={() => setEditing(false)} onSaved={onChanged} /> : null}
    </Stack>
  );
}

function EditPerson({ opened, caseId, person, onClose, onSaved }: { opened: boolean; caseId: string; person: NonNullable<CaseDetail['person']>; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState<PersonFields>(person);
  const [error, setError] = useState<string | null>(null);
  const text = (k: 'preferredName' | 'pronouns' | 'firstLanguage' | 'interpreterLanguage' | 'placementType' | 'placementAddress' | 'communicationNeeds' | 'disability') => ({
    value: (f[k] as string | null | undefined) ?? '',
    onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }),
  });
  const save = async () => {
    try {
      const { preferredName, pronouns, firstLanguage, interpreterNeeded, interpreterLanguage, localAuthority, placementType, placementAddress, communicationNeeds, disability, statusTags } = f;
      await send('caseload.people.update', {
        personId: person.id,
        caseId,
        fields: { preferredName, pronouns, firstLanguage, interpreterNeeded, interpreterLanguage, localAuthority, placementType, placementAddress, communicationNeeds, disability, statusTags },
      });
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Edit details" size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput label="Name they use" {...text('preferredName')} />
          <TextInput label="Pronouns" {...text('pronouns')} />
          <TextInput label="First language" {...text('firstLanguage')} />
          <TextInput label="Interpreter language" {...text('interpreterLanguage')} />
          <CouncilSelect value={f.localAuthority ?? null} onChange={(code) => setF({ ...f, localAuthority: code })} />
          <TextInput label="Placement type" {...text('placementType')} />
        </SimpleGrid>
        <Checkbox label="Needs an interpreter" checked={f.interpreterNeeded ?? false} onChange={(e) => setF({ ...f, interpreterNeeded: e.currentTarget.checked })} />
        <MultiSelect label="Status" data={optionsOf(statusTagLabels)} value={f.statusTags ?? []} onChange={(v) => setF({ ...f, statusTags: v as PersonFields['statusTags'] })} />
        <Textarea label="Placement address" autosize {...text('placementAddress')} />
        <Textarea label="Communication needs" autosize {...text('communicationNeeds')} />
        <Textarea label="Disability" autosize {...text('disability')} />
        <ProblemAlert problem={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()}>Save details</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
