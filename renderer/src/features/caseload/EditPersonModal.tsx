import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Person } from '../../../../shared/domain/caseload';
import { todayIso } from '../../../../shared/domain/dates';
import { personRecord } from '../../../../shared/domain/records/caseload-records';
import { editableFields } from '../../../../shared/domain/records/define';
import { errorMessage, HeardError, send } from '../../api/client';
import { ErrorSummary, type FormProblem } from '../shell/ErrorSummary';
import { useDateProblems } from '../shell/useDateProblems';
import { KeyContactsInput } from './ReferralFormSections';
import { RecordFields } from './RecordFields';

const ID_PREFIX = 'person-';

/**
 * Correcting who the young person is. Every detail taken at referral can be put right here; each
 * change is kept in the case's history with who made it, when and, if given, why.
 */
export function EditPersonModal({
  opened,
  caseId,
  person,
  onClose,
  onSaved,
}: {
  opened: boolean;
  caseId: string;
  person: Person;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [f, setF] = useState<Person>(person);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const today = todayIso();

  const dates = useDateProblems();
  const check = (): FormProblem[] => {
    const found: FormProblem[] = [];
    if (dates.first) found.push({ id: `${ID_PREFIX}dateOfBirth`, message: `A date needs correcting: ${dates.first}` });
    if (!f.firstName?.trim() && !f.preferredName?.trim() && !f.lastName?.trim())
      found.push({ id: `${ID_PREFIX}firstName`, message: 'Keep a name: a first name or the name they use.' });
    if (f.dateOfBirth && f.dateOfBirth > today)
      found.push({ id: `${ID_PREFIX}dateOfBirth`, message: 'The date of birth cannot be in the future.' });
    return found;
  };

  const save = async () => {
    const found = check();
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      // Every field a form may set, read from the definition: nothing shown here can be dropped on save.
      await send('caseload.people.update', {
        personId: person.id,
        caseId,
        fields: editableFields(personRecord, f),
        reason: reason.trim() || undefined,
      });
      onSaved();
      onClose();
    } catch (e) {
      const fields =
        e instanceof HeardError && e.fields
          ? Object.entries(e.fields).map(([k, m]) => ({ id: `${ID_PREFIX}${k}`, message: m }))
          : [];
      setProblems(fields.length > 0 ? fields : [{ id: 'person-reason', message: errorMessage(e) }]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const fieldProblems = Object.fromEntries(problems.map((p) => [p.id.slice(ID_PREFIX.length), p.message]));
  return (
    <Modal opened={opened} onClose={onClose} title="Edit details" size="lg">
      <Stack gap="sm">
        <ErrorSummary problems={problems} attempt={attempt} />
        <RecordFields
          def={personRecord}
          values={f}
          onChange={(patch) => setF({ ...f, ...patch })}
          today={today}
          cols={2}
          idPrefix={ID_PREFIX}
          dateProblem={dates.on}
          problems={fieldProblems}
          custom={{
            genderDescription: f.gender === 'other' ? undefined : null,
            keyContacts: (
              <KeyContactsInput contacts={f.keyContacts} onChange={(keyContacts) => setF({ ...f, keyContacts })} />
            ),
          }}
        />
        <TextInput
          id="person-reason"
          label="Why are you changing this? (optional)"
          description="Kept with the change in the case's history"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
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
