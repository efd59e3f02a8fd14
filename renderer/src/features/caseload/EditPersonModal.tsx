import { Button, Checkbox, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Person, PersonFields } from '../../../../shared/domain/caseload';
import { todayIso } from '../../../../shared/domain/dates';
import { errorMessage, HeardError, send } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../shell/ErrorSummary';
import { genderLabels, optionsOf, statusTagLabels } from './labels';
import { UkDateInput } from './UkDateInput';

type TextKey = 'firstName' | 'lastName' | 'preferredName' | 'genderDescription' | 'pronouns' | 'firstLanguage' | 'interpreterLanguage' | 'localAuthority' | 'placementType' | 'placementAddress' | 'communicationNeeds' | 'disability';

/** Field ids, so the problem summary can link to each. */
const ids: Record<string, string> = { firstName: 'person-first-name', dateOfBirth: 'person-date-of-birth' };

/**
 * Correcting who the young person is. Every detail taken at referral can be put right here; each
 * change is kept in the case's history with who made it, when and, if given, why.
 */
export function EditPersonModal({ opened, caseId, person, onClose, onSaved }: { opened: boolean; caseId: string; person: Person; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState<PersonFields>(person);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const today = todayIso();
  const text = (k: TextKey) => ({ value: (f[k] as string | null | undefined) ?? '', onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }) });
  const fieldError = (k: string) => problems.find((p) => p.id === ids[k])?.message;

  const check = (): FormProblem[] => {
    const found: FormProblem[] = [];
    if (!f.firstName?.trim() && !f.preferredName?.trim() && !f.lastName?.trim()) found.push({ id: ids.firstName!, message: 'Keep a name: a first name or the name they use.' });
    if (f.dateOfBirth && f.dateOfBirth > today) found.push({ id: ids.dateOfBirth!, message: 'The date of birth cannot be in the future.' });
    return found;
  };

  const save = async () => {
    const found = check();
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const { firstName, lastName, preferredName, dateOfBirth, gender, genderDescription, pronouns, firstLanguage, interpreterNeeded, interpreterLanguage, localAuthority, placementType, placementInArea, placementAddress, communicationNeeds, disability, statusTags } = f;
      await send('caseload.people.update', {
        personId: person.id,
        caseId,
        fields: {
          firstName, lastName, preferredName, dateOfBirth: dateOfBirth ?? null, gender: gender ?? null, genderDescription: gender === 'other' ? genderDescription : null,
          pronouns, firstLanguage, interpreterNeeded, interpreterLanguage, localAuthority, placementType, placementInArea: placementInArea ?? null, placementAddress,
          communicationNeeds, disability, statusTags,
        },
        reason: reason.trim() || undefined,
      });
      setError(null);
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof HeardError && e.fields) setProblems(Object.entries(e.fields).map(([k, m]) => ({ id: ids[k] ?? k, message: m })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Edit details" size="xl">
      <Stack gap="sm">
        <ErrorSummary problems={error && problems.length === 0 ? [{ id: 'person-reason', message: error }] : problems} attempt={attempt} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput id={ids.firstName} label="First name (legal)" {...text('firstName')} error={fieldError('firstName')} />
          <TextInput label="Last name (legal)" {...text('lastName')} />
          <TextInput label="Name they use" {...text('preferredName')} />
          <UkDateInput id={ids.dateOfBirth} label="Date of birth" value={f.dateOfBirth ?? null} onChange={(v) => setF({ ...f, dateOfBirth: v })} maxDate={today} error={fieldError('dateOfBirth')} clearable />
          <Select label="Gender" data={optionsOf(genderLabels)} value={f.gender ?? null} onChange={(v) => setF({ ...f, gender: v as PersonFields['gender'] })} clearable />
          {f.gender === 'other' ? <TextInput label="Gender in their words" {...text('genderDescription')} /> : <TextInput label="Pronouns" {...text('pronouns')} />}
          {f.gender === 'other' ? <TextInput label="Pronouns" {...text('pronouns')} /> : null}
          <TextInput label="First language" {...text('firstLanguage')} />
          <TextInput label="Interpreter language" {...text('interpreterLanguage')} />
          <TextInput label="Responsible local authority" {...text('localAuthority')} />
          <TextInput label="Placement type" {...text('placementType')} />
          <Select
            label="Placement area"
            data={[
              { value: 'in', label: 'In area' },
              { value: 'out', label: 'Out of area' },
            ]}
            value={f.placementInArea === true ? 'in' : f.placementInArea === false ? 'out' : null}
            onChange={(v) => setF({ ...f, placementInArea: v === 'in' ? true : v === 'out' ? false : null })}
            clearable
          />
        </SimpleGrid>
        <Checkbox label="Needs an interpreter" checked={f.interpreterNeeded ?? false} onChange={(e) => setF({ ...f, interpreterNeeded: e.currentTarget.checked })} />
        <MultiSelect label="Status" data={optionsOf(statusTagLabels)} value={f.statusTags ?? []} onChange={(v) => setF({ ...f, statusTags: v as PersonFields['statusTags'] })} />
        <Textarea label="Placement address" autosize {...text('placementAddress')} />
        <Textarea label="Communication needs" autosize {...text('communicationNeeds')} />
        <Textarea label="Disability" autosize {...text('disability')} />
        <TextInput id="person-reason" label="Why are you changing this? (optional)" description="Kept with the change in the case's history" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            Save details
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
