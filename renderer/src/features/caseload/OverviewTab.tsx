import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { personRecord, referralRecord } from '../../../../shared/domain/records/caseload-records';
import { formatUkDate } from '../../../../shared/domain/dates';
import { ageOn } from '../../../../shared/domain/statutory-entitlements';
import { todayIso } from '../../../../shared/domain/dates';
import type { CaseDetail } from '../../../../shared/ipc/caseload';
import { EditReferralModal } from './EditReferralModal';
import { EntitlementPanel } from './EntitlementPanel';
import { genderLabels, sourceLabels } from './labels';
import { EditPersonModal } from './EditPersonModal';
import { Field, RecordView } from './RecordView';

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
        {p ? (
          <RecordView
            def={personRecord}
            record={p}
            custom={{
              kind: null,
              firstName: <Field label="Legal name">{[p.firstName, p.lastName].filter(Boolean).join(' ')}</Field>,
              lastName: null,
              dateOfBirth: (
                <Field label="Date of birth">
                  {p.dateOfBirth ? `${formatUkDate(p.dateOfBirth)}${age !== null ? ` (${age})` : ''}` : ''}
                </Field>
              ),
              gender: (
                <Field label="Gender">
                  {p.gender
                    ? p.gender === 'other' && p.genderDescription
                      ? p.genderDescription
                      : genderLabels[p.gender]
                    : ''}
                </Field>
              ),
              genderDescription: null,
              firstLanguage: (
                <Field label="First language">
                  {[
                    p.firstLanguage,
                    p.interpreterNeeded
                      ? `interpreter needed${p.interpreterLanguage ? ` (${p.interpreterLanguage})` : ''}`
                      : '',
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </Field>
              ),
              interpreterNeeded: null,
              interpreterLanguage: null,
              placementType: (
                <Field label="Placement">
                  {[p.placementType, p.placementInArea === null ? '' : p.placementInArea ? 'in area' : 'out of area']
                    .filter(Boolean)
                    .join(', ')}
                </Field>
              ),
              placementInArea: null,
            }}
          />
        ) : null}
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
        <RecordView
          def={referralRecord}
          record={r}
          custom={{
            source: (
              <Field label="Source">
                {[r.source ? sourceLabels[r.source] : '', r.referrer].filter(Boolean).join(': ')}
              </Field>
            ),
            referrer: null,
            allocationDate: (
              <Field label="Allocated">
                {r.allocationDate
                  ? `${formatUkDate(r.allocationDate)}${r.daysToAllocation !== null ? ` (after ${r.daysToAllocation} day${r.daysToAllocation === 1 ? '' : 's'})` : ''}`
                  : 'Not yet'}
              </Field>
            ),
            consentExplainedOn: (
              <Field label="Consent and confidentiality explained">
                {[
                  r.consentExplainedOn ? formatUkDate(r.consentExplainedOn) : '',
                  r.consentExplainedHow,
                  r.confidentialityExplained ? 'limits of confidentiality explained' : '',
                ]
                  .filter(Boolean)
                  .join('; ')}
              </Field>
            ),
            consentExplainedHow: null,
            confidentialityExplained: null,
            // Shown in its own notice below, with what to do when it is not yet recorded.
            socialWorkerToldOn: null,
            socialWorkerToldHow: null,
          }}
        />
      </Paper>
      <EntitlementPanel result={detail.entitlements} />
      {detail.socialWorkerToBeTold ? (
        <Alert
          color={r.socialWorkerToldOn ? 'teal' : 'yellow'}
          title="Telling the social worker"
          data-testid="social-worker-told"
        >
          {r.socialWorkerToldOn
            ? `The social worker was told an advocate is involved on ${formatUkDate(r.socialWorkerToldOn)}${r.socialWorkerToldHow ? ` (${r.socialWorkerToldHow})` : ''}.`
            : `${detail.socialWorkerToBeTold} Use “Edit referral” to record it.`}
        </Alert>
      ) : null}
      {editingReferral ? (
        <EditReferralModal opened referral={r} onClose={() => setEditingReferral(false)} onSaved={onChanged} />
      ) : null}
      {p && editing ? (
        <EditPersonModal opened caseId={r.id} person={p} onClose={() => setEditing(false)} onSaved={onChanged} />
      ) : null}
    </Stack>
  );
}
