import { ActionIcon, Button, Group, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { contactRoleLabels } from '../../../../shared/domain/code-labels';
import type { KeyContact } from '../../../../shared/domain/caseload';
import type { IssueCode } from '../../../../shared/domain/codes';
import { personRecord, referralRecord } from '../../../../shared/domain/records/caseload-records';
import { FIELD_ID_PREFIX, fieldIds, type ReferralForm } from './referral-form';
import { issueLabels, optionsOf } from './labels';
import { RecordFields } from './RecordFields';

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

/** The person's fields come from their definition; only what needs its own drawing is named here. */
export function PersonSection({ form, set, problems, today, dateProblem }: SectionProps) {
  return (
    <Section title="Young person or parent">
      <RecordFields
        def={personRecord}
        values={form}
        onChange={(patch) => set(patch as Partial<ReferralForm>)}
        problems={problems}
        today={today}
        idPrefix={FIELD_ID_PREFIX}
        dateProblem={dateProblem}
        custom={{
          genderDescription: form.gender === 'other' ? undefined : null,
          interpreterLanguage: form.interpreterNeeded ? undefined : null,
          keyContacts: (
            <KeyContactsInput contacts={form.keyContacts} onChange={(keyContacts) => set({ keyContacts })} />
          ),
        }}
      />
    </Section>
  );
}

export function KeyContactsInput({
  contacts,
  onChange,
}: {
  contacts: KeyContact[];
  onChange: (contacts: KeyContact[]) => void;
}) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Key contacts
      </Title>
      {contacts.map((c, i) => {
        const update = (patch: Partial<KeyContact>) =>
          onChange(contacts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
        return (
          <Group key={i} align="flex-end" wrap="wrap">
            <Select
              label="Role"
              data={optionsOf(contactRoleLabels)}
              value={c.role}
              onChange={(v) => update({ role: (v ?? 'other') as KeyContact['role'] })}
              w={170}
            />
            <TextInput label="Name" value={c.name} onChange={(e) => update({ name: e.currentTarget.value })} />
            <TextInput label="Phone" value={c.phone ?? ''} onChange={(e) => update({ phone: e.currentTarget.value })} />
            <TextInput label="Email" value={c.email ?? ''} onChange={(e) => update({ email: e.currentTarget.value })} />
            <Button variant="subtle" color="red" onClick={() => onChange(contacts.filter((_, j) => j !== i))}>
              Remove contact
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => onChange([...contacts, { role: 'social_worker', name: '' }])}>
          Add a key contact
        </Button>
      </Group>
    </Stack>
  );
}

export function ReferralSection({
  form,
  set,
  problems,
  today,
  tellSocialWorker,
  dateProblem,
}: SectionProps & { tellSocialWorker: string | null }) {
  return (
    <Section title="Referral">
      <RecordFields
        def={referralRecord}
        values={form}
        onChange={(patch) => set(patch as Partial<ReferralForm>)}
        problems={problems}
        today={today}
        idPrefix={FIELD_ID_PREFIX}
        custom={{
          urgencyReason: form.urgency !== 'standard' ? undefined : null,
          // Asked at intake only when the social worker must be told: a young child, or non-instructed advocacy.
          socialWorkerToldOn: tellSocialWorker ? undefined : null,
          socialWorkerToldHow: tellSocialWorker ? undefined : null,
        }}
        dateProblem={dateProblem}
      />
    </Section>
  );
}

export function IssuesSection({ form, set, problems }: SectionProps) {
  const update = (i: number, patch: Partial<ReferralForm['issues'][number]>) =>
    set({ issues: form.issues.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <Section title="Issues">
      {form.issues.map((issue, i) => (
        <Paper key={i} withBorder p="sm" aria-label={`Issue ${i + 1}`} component="fieldset">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <Select
                id={i === 0 ? fieldIds.issues : undefined}
                label={`Issue ${i + 1} theme`}
                required={i === 0}
                data={optionsOf(issueLabels)}
                value={issue.code}
                onChange={(v) => update(i, { code: v as IssueCode | null })}
                searchable
                error={i === 0 ? problems.issues : undefined}
              />
              {form.issues.length > 1 ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove issue ${i + 1}`}
                  onClick={() => set({ issues: form.issues.filter((_, j) => j !== i) })}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
            <Textarea
              label="In their own words"
              autosize
              minRows={2}
              value={issue.description}
              onChange={(e) => update(i, { description: e.currentTarget.value })}
            />
            <Textarea
              label="The outcome they want"
              autosize
              minRows={1}
              value={issue.wantedOutcome}
              onChange={(e) => update(i, { wantedOutcome: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => set({ issues: [...form.issues, { code: null, description: '', wantedOutcome: '' }] })}
        >
          Add another issue
        </Button>
      </Group>
    </Section>
  );
}
