import { Button, Group, Modal, Select, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { readTime } from '../../../../shared/domain/date-text';
import { meetingTypeLabels, meetingTypes, type MeetingType } from '../../../../shared/domain/meetings';
import type { Meeting } from '../../../../shared/ipc/meetings';
import { errorMessage, HeardError, send } from '../../api/client';
import { DateField } from '../shell/DateField';
import { useDateProblems } from '../shell/useDateProblems';

interface Props {
  opened: boolean;
  onClose: () => void;
  onSaved: (m: Meeting) => void;
  /** Set when adding from a case; otherwise the advocate picks the case. */
  caseId?: string;
  meeting?: Meeting;
}

const typeOptions = meetingTypes.map((t) => ({ value: t, label: meetingTypeLabels[t] }));

/** Add or change a meeting. Dates are typed as dd/mm/yyyy and times as hh:mm (24-hour). */
export function MeetingForm({ opened, onClose, onSaved, caseId, meeting }: Props) {
  const [chosenCase, setChosenCase] = useState<string | null>(caseId ?? meeting?.caseId ?? null);
  const [cases, setCases] = useState<{ value: string; label: string }[]>([]);
  const [type, setType] = useState<MeetingType | null>(meeting?.type ?? null);
  const [typeOther, setTypeOther] = useState(meeting?.typeOther ?? '');
  const [date, setDate] = useState<string | null>(meeting?.date ?? null);
  const dates = useDateProblems();
  const [time, setTime] = useState(meeting?.time ?? '');
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [chair, setChair] = useState(meeting?.chair ?? '');
  const [invitees, setInvitees] = useState<string[]>(meeting?.invitees ?? []);
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened || caseId || meeting) return;
    void send('caseload.list', { statuses: ['open', 'awaiting_allocation'], limit: 500 })
      .then((r) => setCases(r.rows.map((c) => ({ value: c.caseId, label: `${c.displayName} (${c.reference})` }))))
      .catch(() => setCases([]));
  }, [opened, caseId, meeting]);

  const submit = async () => {
    const found: Record<string, string> = {};
    const iso = date;
    const readTimeText = time.trim() ? readTime(time) : null;
    if (!chosenCase) found.caseId = 'Choose whose meeting this is.';
    if (!type) found.type = 'Choose the type of meeting.';
    if (dates.first) found.date = dates.first;
    else if (!iso) found.date = 'Enter the date of the meeting.';
    if (readTimeText && !readTimeText.ok) found.time = readTimeText.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !chosenCase || !type || !iso) return;
    setBusy(true);
    try {
      const saved = await send('meetings.save', {
        id: meeting?.id,
        caseId: chosenCase,
        type,
        typeOther: type === 'other' ? typeOther : null,
        date: iso,
        time: readTimeText?.ok ? readTimeText.time : null,
        place,
        chair,
        invitees,
        notes,
        reason: meeting && reason.trim() ? reason.trim() : undefined,
      });
      onSaved(saved);
    } catch (e) {
      setErrors(e instanceof HeardError && e.fields ? { ...e.fields, form: e.message } : { form: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={meeting ? 'Change meeting' : 'Add a meeting'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          {!caseId && !meeting ? (
            <Select
              label="Young person"
              placeholder="Search by name or reference"
              data={cases}
              value={chosenCase}
              onChange={setChosenCase}
              searchable
              required
              error={errors.caseId}
            />
          ) : null}
          <Select
            label="Type of meeting"
            data={typeOptions}
            value={type}
            onChange={(v) => setType(v as MeetingType | null)}
            required
            error={errors.type}
            searchable
          />
          {type === 'other' ? (
            <TextInput
              label="What kind of meeting"
              value={typeOther}
              onChange={(e) => setTypeOther(e.currentTarget.value)}
            />
          ) : null}
          <Group grow align="flex-start">
            <DateField
              label="Date"
              value={date}
              onChange={setDate}
              onProblem={dates.on('date')}
              required
              error={errors.date}
            />
            <TextInput
              label="Time"
              description="24-hour clock, hh:mm (optional)"
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              error={errors.time}
            />
          </Group>
          <TextInput
            label="Place"
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
          />
          <TextInput
            label="Chair"
            value={chair}
            onChange={(e) => setChair(e.currentTarget.value)}
            error={errors.chair}
          />
          <TagsInput
            label="Invited"
            description="Press Enter after each person or role"
            value={invitees}
            onChange={setInvitees}
          />
          <Textarea
            label="Notes for you"
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {meeting ? (
            <TextInput
              label="Why are you changing it? (optional)"
              description="Kept with the change in the case's history"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          ) : null}
          {errors.form ? (
            <div role="alert" style={{ color: 'var(--mantine-color-red-8)' }}>
              {errors.form}
            </div>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save meeting
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
