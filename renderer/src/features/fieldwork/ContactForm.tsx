import { NumberInput, Select, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { contactTypeLabels, contactTypes, type Contact, type ContactType } from '../../../../shared/domain/fieldwork';
import { errorMessage, HeardError, send } from '../../api/client';
import { RecordForm } from './record-parts';
import { nowLocalDateTime } from './format';
import { DateTimeField } from '../shell/DateTimeField';
import { useDateProblems } from '../shell/useDateProblems';

const numberOrNull = (v: string | number): number | null => (v === '' || v === null ? null : Number(v));

/** Records (or corrects) a contact: a visit, call, message or meeting, with travel for mileage claims. */
export function ContactForm({
  caseId,
  contact,
  onSaved,
  onCancel,
}: {
  caseId: string;
  contact?: Contact;
  onSaved: (c: Contact) => void;
  onCancel: () => void;
}) {
  const [type, setType] = useState<ContactType>(contact?.type ?? 'visit');
  const [occurredAt, setOccurredAt] = useState(contact?.occurredAt ?? nowLocalDateTime());
  const [location, setLocation] = useState(contact?.location ?? '');
  const [duration, setDuration] = useState<string | number>(contact?.durationMinutes ?? '');
  const [travel, setTravel] = useState<string | number>(contact?.travelMinutes ?? '');
  const [miles, setMiles] = useState<string | number>(contact?.miles ?? '');
  const [present, setPresent] = useState<string[]>(contact?.present ?? []);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const dates = useDateProblems();

  const submit = async () => {
    if (dates.first) {
      setError(`A date needs correcting: ${dates.first}`);
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const saved = await send('fieldwork.contacts.save', {
        caseId,
        id: contact?.id,
        contact: {
          type,
          occurredAt,
          location,
          durationMinutes: numberOrNull(duration),
          travelMinutes: numberOrNull(travel),
          miles: numberOrNull(miles),
          present,
        },
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof HeardError && e.fields) setFields(e.fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RecordForm
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
      saveLabel={contact ? 'Save changes' : 'Save contact'}
      busy={busy}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Type of contact"
          data={contactTypes.map((t) => ({ value: t, label: contactTypeLabels[t] }))}
          value={type}
          allowDeselect={false}
          onChange={(v) => v && setType(v as ContactType)}
        />
        <DateTimeField
          label="Date and time"
          required
          value={occurredAt}
          error={fields['contact.occurredAt']}
          onChange={setOccurredAt}
          onProblem={dates.on('occurredAt')}
        />
        <TextInput
          label="Where"
          description="For example the placement, school or a café"
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value)}
        />
        <NumberInput
          label="How long (minutes)"
          min={0}
          max={1440}
          allowDecimal={false}
          value={duration}
          onChange={setDuration}
        />
        <NumberInput
          label="Travel time (minutes)"
          min={0}
          max={1440}
          allowDecimal={false}
          value={travel}
          onChange={setTravel}
        />
        <NumberInput label="Miles travelled" min={0} max={2000} decimalScale={1} value={miles} onChange={setMiles} />
      </SimpleGrid>
      <TagsInput
        label="Who was present"
        description="Type a name or role and press Enter"
        value={present}
        onChange={setPresent}
        maxTags={30}
      />
    </RecordForm>
  );
}
