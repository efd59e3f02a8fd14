import { z } from 'zod';
import {
  agreementMethodLabels,
  agreementMethods,
  attendanceLabels,
  attendanceValues,
  meetingTypeLabels,
  meetingTypes,
  presenterLabels,
  presenters,
  viewsPresentedLabels,
  viewsPresentedValues,
  wishesReflectedLabels,
  wishesReflectedValues,
} from '../meetings';
import { defineRecord, field } from './define';

/*
 * Meetings' synced records, each stored column written once (migration 0005). The entity registry,
 * and so the write path and sync, read their columns from here; the IPC schemas in
 * shared/ipc/meetings.ts are checked against these field for field by
 * tests/core/records/definitions-agree.test.ts. `case_id` is the referral's id.
 */

const caseId = field.text('Case', { max: 100, system: true, required: true });
const sections = z.array(z.object({ key: z.string(), prompt: z.string(), text: z.string() }));

export const meetingRecord = defineRecord('meeting', 'meetings', {
  caseId,
  type: field.code(meetingTypes, meetingTypeLabels, 'Type of meeting', { required: true, column: 'meeting_type' }),
  typeOther: field.text('Type of meeting', { max: 200 }),
  date: field.date('Date', { required: true, column: 'meeting_date' }),
  time: field.text('Time', { max: 5, column: 'start_time' }),
  place: field.text('Place', { max: 500 }),
  chair: field.text('Chair', { max: 200 }),
  invitees: field.json(z.array(z.string()).max(60), 'Invitees', { required: true, initial: [] }),
  notes: field.longText('Notes', { max: 5000 }),
  createdAt: field.text('Added', { max: 40, system: true }),
});

/** A "my views" statement; its words are kept as versions, and the one the young person agreed is named. */
export const statementRecord = defineRecord('meeting_statement', 'meeting_statements', {
  caseId,
  meetingId: field.text('Meeting', { max: 100, system: true, required: true }),
  templateId: field.text('Template', { max: 100, system: true }),
  presenter: field.code(presenters, presenterLabels, 'Who will present it'),
  sections: field.json(sections, 'Their views', { required: true, initial: [] }),
  currentVersionId: field.text('Current version', { max: 100, system: true }),
  agreedVersionId: field.text('Version agreed', { max: 100, system: true }),
  agreedOn: field.date('Agreed on'),
  agreedHow: field.code(agreementMethods, agreementMethodLabels, 'How they agreed it'),
  agreementNote: field.longText('About the agreement', { max: 2000 }),
  createdAt: field.text('Started', { max: 40, system: true }),
  updatedAt: field.text('Last saved', { max: 40, system: true }),
});

export const statementVersionRecord = defineRecord('meeting_statement_version', 'meeting_statement_versions', {
  caseId,
  statementId: field.text('Statement', { max: 100, system: true, required: true }),
  sections: field.json(sections, 'Their views', { required: true, initial: [] }),
  presenter: field.code(presenters, presenterLabels, 'Who will present it'),
  savedAt: field.text('Saved', { max: 40, system: true, required: true }),
  savedIn: field.code(
    ['advocate', 'young_person_view'],
    { advocate: "The advocate's screen", young_person_view: 'The young-person view' },
    'Saved in',
    { required: true, system: true },
  ),
});

export const debriefRecord = defineRecord(
  'meeting_debrief',
  'meeting_debriefs',
  {
    caseId,
    meetingId: field.text('Meeting', { max: 100, system: true, required: true }),
    attended: field.code(attendanceValues, attendanceLabels, 'Did the young person attend'),
    viewsPresented: field.code(viewsPresentedValues, viewsPresentedLabels, 'How their views were presented'),
    decisions: field.longText('Decisions made', { max: 10_000 }),
    wishesReflected: field.code(wishesReflectedValues, wishesReflectedLabels, 'Did the decision reflect their wishes'),
    actions: field.json(
      z.array(z.object({ text: z.string(), who: z.string().nullable(), due: z.string().nullable() })),
      'Actions',
      { required: true, initial: [] },
    ),
    issuesMoved: field.json(
      z.array(z.object({ issueId: z.string(), note: z.string().nullable() })),
      'Issues that moved',
      { required: true, initial: [] },
    ),
    debriefedOn: field.date('Debrief date'),
    notes: field.longText('Notes', { max: 10_000 }),
  },
  ['created_at'],
);

export const meetingsRecords = [meetingRecord, statementRecord, statementVersionRecord, debriefRecord] as const;
