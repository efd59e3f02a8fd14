import { ActionIcon, Button, Checkbox, Group, MultiSelect, Paper, Radio, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { contactRoles } from '../../../../shared/domain/caseload';
import type { IssueCode } from '../../../../shared/domain/codes';
import type { ReferralForm } from './referral-form';
import { genderLabels, issueLabels, optionsOf, serviceUserTypeLabels, sourceLabels, statusTagLabels, urgencyLabels } from './labels';
import { DateField, notFuture } from '../shell/DateField';
import { CouncilSelect } from './CouncilSelect';

type SectionProps = {
  form: ReferralForm;
  set: (patch: Partial<ReferralForm>) => void;
  problems: Record<string, string>;
  today: string;
  /** Where a date field reports text it cannot read as a date. */
  dateProblem?: (field: string) => (problem: string | null) => void;
};

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

const contactRoleLabels: Record<(typeof contactRoles)[number], string> = {
  social_worker: 'Social worker', iro: 'IRO', personal_adviser: 'Personal adviser', carer: 'Carer', school: 'School', other: 'Other',
};

export function PersonSection({ form, set, problems, dateProblem }: SectionProps) {
  const text = (k: keyof ReferralForm) => ({ value: form[k] as string, onChange: (e: { currentTarget: { value: string } }) => set({ [k]: e.currentTarget.value }) });
  return (
    <Section title="Young person or parent">
      <Radio.Group label="Who is this referral for?" value={form.kind} onChange={(v) => set({ kind: v === 'parent' ? 'parent' : 'young_person' })}>
        <Group mt="xs">
          <Radio value="young_person" label="A young person" />
          <Radio value="parent" label="A parent" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="First name (legal)" {...text('firstName')} error={problems.firstName} />
        <TextInput label="Last name (legal)" {...text('lastName')} />
        <TextInput label="Name they use" description="Shown everywhere in Heard" {...text('preferredName')} />
        <DateField label="Date of birth" value={form.dateOfBirth} onChange={(v) => set({ dateOfBirth: v })} notAfter={notFuture("A date of birth can't be in the future.")} error={problems.dateOfBirth} onProblem={dateProblem?.('dateOfBirth')} />
        <Select label="Gender" data={optionsOf(genderLabels)} value={form.gender} onChange={(v) => set({ gender: v as ReferralForm['gender'] })} clearable />
        <TextInput label="Pronouns" placeholder="e.g. she/her, they/them" {...text('pronouns')} />
        <TextInput label="First language" {...text('firstLanguage')} />
        <Checkbox mt="xl" label="Needs an interpreter" checked={form.interpreterNeeded} onChange={(e) => set({ interpreterNeeded: e.currentTarget.checked })} />
        {form.interpreterNeeded ? <TextInput label="Interpreter language" {...text('interpreterLanguage')} /> : <span />}
      </SimpleGrid>
      <Textarea label="Communication needs" autosize minRows={1} {...text('communicationNeeds')} />
      <Textarea label="Disability" autosize minRows={1} {...text('disability')} />
      <MultiSelect label="Status" data={optionsOf(statusTagLabels)} value={form.statusTags} onChange={(v) => set({ statusTags: v as ReferralForm['statusTags'] })} clearable />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <CouncilSelect value={form.localAuthority || null} onChange={(code) => set({ localAuthority: code ?? '' })} />
        <TextInput label="Placement type" placeholder="e.g. foster care, children's home" {...text('placementType')} />
        <Select
          label="Placement area"
          data={[
            { value: 'in', label: 'In area' },
            { value: 'out', label: 'Out of area' },
          ]}
          value={form.placementInArea}
          onChange={(v) => set({ placementInArea: v === 'in' || v === 'out' ? v : null })}
          clearable
        />
      </SimpleGrid>
      <Textarea label="Placement address" autosize minRows={1} {...text('placementAddress')} />
      <Title order={3} size="h5">
        Key contacts
      </Title>
      {form.keyContacts.map((c, i) => {
        const update = (patch: Partial<typeof c>) => set({ keyContacts: form.keyContacts.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <Group key={i} align="flex-end" wrap="wrap">
            <Select label="Role" data={optionsOf(contactRoleLabels)} value={c.role} onChange={(v) => update({ role: (v ?? 'other') as typeof c.role })} w={170} />
            <TextInput label="Name" value={c.name} onChange={(e) => update({ name: e.currentTarget.value })} />
            <TextInput label="Phone" value={c.phone ?? ''} onChange={(e) => update({ phone: e.currentTarget.value })} />
            <TextInput label="Email" value={c.email ?? ''} onChange={(e) => update({ email: e.currentTarget.value })} />
            <Button variant="subtle" color="red" onClick={() => set({ keyContacts: form.keyContacts.filter((_, j) => j !== i) })}>
              Remove contact
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => set({ keyContacts: [...form.keyContacts, { role: 'social_worker', name: '' }] })}>
          Add a key contact
        </Button>
      </Group>
    </Section>
  );
}

export function ReferralSection({ form, set, problems, dateProblem }: SectionProps) {
  const text = (k: keyof ReferralForm) => ({ value: form[k] as string, onChange: (e: { currentTarget: { value: string } }) => set({ [k]: e.currentTarget.value }) });
  return (
    <Section title="Referral">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label="Referral date" value={form.referralDate} onChange={(v) => set({ referralDate: v })} required notAfter={notFuture("A referral date can't be in the future.")} error={problems.referralDate} onProblem={dateProblem?.('referralDate')} />
        <Select label="Source" data={optionsOf(sourceLabels)} value={form.source} onChange={(v) => set({ source: v as ReferralForm['source'] })} clearable />
        <TextInput label="Referrer" description="Name and role" {...text('referrer')} />
        <TextInput label="Referrer's phone or email" {...text('referrerContact')} />
        <Select
          label="Service-user type"
          data={optionsOf(serviceUserTypeLabels)}
          value={form.serviceUserType}
          onChange={(v) => set({ serviceUserType: v as ReferralForm['serviceUserType'] })}
          required
          error={problems.serviceUserType}
        />
        <Select label="Urgency" data={optionsOf(urgencyLabels)} value={form.urgency} onChange={(v) => set({ urgency: (v ?? 'standard') as ReferralForm['urgency'] })} allowDeselect={false} />
      </SimpleGrid>
      {form.urgency !== 'standard' ? <TextInput label="Why is it urgent?" {...text('urgencyReason')} error={problems.urgencyReason} /> : null}
      <Radio.Group label="Type of advocacy" value={form.advocacyType} onChange={(v) => set({ advocacyType: v === 'non_instructed' ? 'non_instructed' : 'instructed' })}>
        <Group mt="xs">
          <Radio value="instructed" label="Instructed (they tell us what they want said)" />
          <Radio value="non_instructed" label="Non-instructed (they cannot instruct)" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Consent and confidentiality explained on" value={form.consentExplainedOn} onChange={(v) => set({ consentExplainedOn: v })} notAfter={notFuture("This can't be a date in the future.")} onProblem={dateProblem?.('consentExplainedOn')} />
        <TextInput label="How they were explained" placeholder="e.g. in person with easy-read leaflet" {...text('consentExplainedHow')} />
      </SimpleGrid>
      <Checkbox
        label="Confidentiality and its limits have been explained"
        checked={form.confidentialityExplained}
        onChange={(e) => set({ confidentialityExplained: e.currentTarget.checked })}
      />
      <Textarea label="What they are asking for" autosize minRows={2} {...text('request')} />
    </Section>
  );
}

export function IssuesSection({ form, set, problems }: SectionProps) {
  const update = (i: number, patch: Partial<ReferralForm['issues'][number]>) => set({ issues: form.issues.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <Section title="Issues">
      {form.issues.map((issue, i) => (
        <Paper key={i} withBorder p="sm" aria-label={`Issue ${i + 1}`} component="fieldset">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <Select
                label={`Issue ${i + 1} theme`}
                data={optionsOf(issueLabels)}
                value={issue.code}
                onChange={(v) => update(i, { code: v as IssueCode | null })}
                searchable
                error={i === 0 ? problems.issues : undefined}
              />
              {form.issues.length > 1 ? (
                <ActionIcon variant="subtle" color="red" aria-label={`Remove issue ${i + 1}`} onClick={() => set({ issues: form.issues.filter((_, j) => j !== i) })}>
                  ×
                </ActionIcon>
              ) : null}
            </Group>
            <Textarea label="In their own words" autosize minRows={2} value={issue.description} onChange={(e) => update(i, { description: e.currentTarget.value })} />
            <Textarea label="The outcome they want" autosize minRows={1} value={issue.wantedOutcome} onChange={(e) => update(i, { wantedOutcome: e.currentTarget.value })} />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => set({ issues: [...form.issues, { code: null, description: '', wantedOutcome: '' }] })}>
          Add another issue
        </Button>
      </Group>
    </Section>
  );
}
