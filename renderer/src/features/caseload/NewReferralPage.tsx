import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '../../../../shared/domain/dates';
import { checkStatutoryEntitlements, socialWorkerToBeTold } from '../../../../shared/domain/statutory-entitlements';
import { errorMessage, send } from '../../api/client';
import { useDraft } from '../drafts/useDraft';
import { PageHeader } from '../shell/PageHeader';
import { EntitlementPanel } from './EntitlementPanel';
import { fieldIds, formProblems, readDraft, toCreateInput, type ReferralForm } from './referral-form';
import { ConfirmModal } from '../shell/ConfirmModal';
import { ErrorSummary } from '../shell/ErrorSummary';
import { KnownPersonPicker } from './KnownPersonPicker';
import { IssuesSection, PersonSection, ReferralSection, Section } from './ReferralFormSections';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useDateProblems } from '../shell/useDateProblems';

/** Taking a referral: the person, the referral and its issues, with the statutory entitlement check as you go. */
export function NewReferralPage() {
  const today = todayIso();
  const draft = useDraft('referral:new');
  const form = useMemo(() => readDraft(draft.value, today), [draft.value, today]);
  const set = (patch: Partial<ReferralForm>) => draft.setValue(JSON.stringify({ ...form, ...patch }));
  const [tried, setTried] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [clearing, setClearing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needName, setNeedName] = useState(false);
  const [myName, setMyName] = useState('');
  const navigate = useNavigate();
  const dates = useDateProblems();

  useEffect(() => {
    void send('caseload.me.get', {}).then((me) => setNeedName(!me.named));
  }, []);

  const problems = tried ? formProblems(form, today) : {};
  const entitlements = checkStatutoryEntitlements({
    dateOfBirth: form.known ? form.known.dateOfBirth : form.dateOfBirth,
    onDate: form.referralDate ?? today,
    statusTags: form.known ? (form.known.statusTags as typeof form.statusTags) : form.statusTags,
    serviceUserType: form.serviceUserType,
    issueCodes: form.issues.flatMap((i) => (i.code ? [i.code] : [])),
    isParent: (form.known ? form.known.kind : form.kind) === 'parent' || form.serviceUserType === 'PARENT',
    placementType: form.known ? null : form.placementType,
  });
  const isParent = (form.known ? form.known.kind : form.kind) === 'parent';
  const tellSocialWorker = isParent
    ? null
    : socialWorkerToBeTold({
        dateOfBirth: form.known ? form.known.dateOfBirth : form.dateOfBirth,
        onDate: today,
        advocacyType: form.advocacyType,
        statusTags: form.known ? (form.known.statusTags as typeof form.statusTags) : form.statusTags,
      });
  const summary = Object.entries(problems).map(([k, message]) => ({ id: fieldIds[k] ?? k, message }));

  const save = async () => {
    setTried(true);
    setAttempt((n) => n + 1);
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    if (Object.keys(formProblems(form, today)).length > 0) {
      setError(null);
      return;
    }
    setBusy(true);
    try {
      if (needName && myName.trim()) await send('caseload.me.setName', { name: myName });
      const made = await send('caseload.referrals.create', toCreateInput(form));
      await draft.discard();
      notifications.show({ message: `Referral ${made.reference} saved. It is waiting in triage.`, color: 'teal' });
      void navigate(`/caseload/${made.caseId}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!draft.loaded) return null;
  return (
    <>
      <PageHeader title="Take a referral" description="What you type is kept safely as you go, even if Heard locks." />
      <Stack gap="md" maw={960}>
        <ErrorSummary problems={summary} attempt={attempt} />
        {needName ? (
          <Section title="About you">
            <TextInput
              label="Your name"
              description="Used when you allocate cases to yourself and on letters. You can change it later."
              value={myName}
              onChange={(e) => setMyName(e.currentTarget.value)}
            />
          </Section>
        ) : null}
        <KnownPersonPicker chosen={form.known} onChoose={(known) => set({ known })} />
        {form.known ? null : (
          <PersonSection form={form} set={set} problems={problems} today={today} dateProblem={dates.on} />
        )}
        <ReferralSection
          form={form}
          set={set}
          problems={problems}
          today={today}
          tellSocialWorker={tellSocialWorker}
          dateProblem={dates.on}
        />
        <IssuesSection form={form} set={set} problems={problems} today={today} />
        <EntitlementPanel result={entitlements} />
        <ProblemAlert problem={error} />
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={() => setClearing(true)}>
            Clear the form
          </Button>
          <Group>
            {draft.savedAt ? (
              <Text size="xs" c="dimmed">
                Draft kept
              </Text>
            ) : null}
            <Button onClick={() => void save()} loading={busy}>
              Save referral
            </Button>
          </Group>
        </Group>
      </Stack>
      <ConfirmModal
        opened={clearing}
        title="Clear the whole form?"
        body="Everything typed into this referral will be removed. This cannot be undone."
        confirm="Clear the form"
        cancel="Keep what I typed"
        danger
        onCancel={() => setClearing(false)}
        onConfirm={() => {
          setClearing(false);
          setTried(false);
          void draft.discard().then(() => draft.setValue(''));
        }}
      />
    </>
  );
}
