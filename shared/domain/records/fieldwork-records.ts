import { z } from 'zod';
import {
  actionOwnerLabels,
  actionOwners,
  contactTypeLabels,
  contactTypes,
  richNodeSchema,
  rightsUpheldAnswers,
  rightsUpheldLabels,
} from '../fieldwork';
import { personToldSchema, safeguardingStatuses } from '../fieldwork-safeguarding';
import { defineRecord, field } from './define';

/*
 * Field work's synced records, each stored column written once (migrations 0003 and 0014). The
 * entity registry, and so the write path and sync, read their columns from here; the screens'
 * schemas in shared/domain/fieldwork*.ts are checked against these field for field by
 * tests/core/records/definitions-agree.test.ts. Note versions and the search index are local and
 * not listed. `case_id` is the referral's id.
 */

const caseId = field.text('Case', { max: 100, system: true, required: true });
const ids = z.array(z.string()).max(50);

export const contactRecord = defineRecord(
  'contact',
  'contacts',
  {
    caseId,
    type: field.code(contactTypes, contactTypeLabels, 'Type of contact', { required: true }),
    occurredAt: field.text('Date and time', { max: 16, required: true }),
    location: field.text('Where', { max: 300, required: true }),
    durationMinutes: field.integer('Minutes with the young person'),
    travelMinutes: field.integer('Minutes travelling'),
    miles: field.number('Miles'),
    present: field.json(z.array(z.string()).max(30), 'Who was there', { required: true, initial: [] }),
  },
  ['created_at', 'updated_at'],
);

export const noteRecord = defineRecord('note', 'notes', {
  caseId,
  contactId: field.text('Contact', { max: 100, system: true }),
  title: field.text('Title', { max: 300, required: true }),
  // The rich-text body is one field: a conflicting edit is kept whole as a conflict copy.
  body: field.json(richNodeSchema, 'Note', { required: true, initial: { type: 'doc', content: [] } }),
  createdAt: field.text('Written', { max: 40, system: true }),
  updatedAt: field.text('Last saved', { max: 40, system: true }),
});

export const wishesRecord = defineRecord(
  'wishes_entry',
  'wishes_entries',
  {
    caseId,
    recordedOn: field.date('Date', { required: true }),
    goingWell: field.longText("What's going well", { max: 10_000, required: true }),
    worries: field.longText('Worries', { max: 10_000, required: true }),
    wantToHappen: field.longText('What they want to happen', { max: 10_000, required: true }),
    issueIds: field.json(ids, 'Issues', { required: true, initial: [] }),
  },
  ['created_at', 'updated_at'],
);

export const observationRecord = defineRecord(
  'observation',
  'observations',
  {
    caseId,
    observedOn: field.date('Date', { required: true }),
    communication: field.longText('How they communicated', { max: 10_000, required: true }),
    likes: field.longText('Likes', { max: 10_000, required: true }),
    dislikes: field.longText('Dislikes', { max: 10_000, required: true }),
    knowsThemWell: field.longText('Views of people who know them well', { max: 10_000, required: true }),
    rightsUpheld: field.code(rightsUpheldAnswers, rightsUpheldLabels, 'Are their rights upheld?', {
      required: true,
      initial: 'not_sure',
    }),
    rightsNotes: field.longText('About their rights', { max: 10_000, required: true }),
    issueIds: field.json(ids, 'Issues', { required: true, initial: [] }),
  },
  ['created_at', 'updated_at'],
);

export const actionRecord = defineRecord(
  'case_action',
  'case_actions',
  {
    caseId,
    owner: field.code(actionOwners, actionOwnerLabels, 'Who', { required: true }),
    ownerName: field.text('Their name', { max: 200, required: true }),
    description: field.longText('What needs doing', { max: 2000, required: true }),
    dueOn: field.date('Due', { required: true }),
    doneAt: field.text('Done', { max: 40, system: true }),
    cancelledAt: field.text('Cancelled', { max: 40, system: true }),
    cancelReason: field.text('Why it was cancelled', { max: 1000, system: true }),
    carriedReason: field.text('Why it carries on after the case closed', { max: 1000, system: true }),
  },
  ['created_at', 'updated_at'],
);

export const safeguardingRecord = defineRecord('safeguarding_record', 'safeguarding_records', {
  caseId,
  disclosedAt: field.text('When it was disclosed', { max: 16, required: true }),
  disclosure: field.longText('What was disclosed', { max: 20_000, required: true }),
  decision: field.longText('Decision', { max: 10_000, required: true }),
  reason: field.longText('Reason for the decision', { max: 10_000, required: true }),
  told: field.json(z.array(personToldSchema).max(30), 'Who was told', { required: true, initial: [] }),
  outcome: field.longText('Outcome', { max: 10_000, required: true }),
  status: field.code(safeguardingStatuses, { open: 'Open', closed: 'Closed' }, 'Status', {
    required: true,
    initial: 'open',
  }),
  recordedAt: field.text('Recorded', { max: 40, system: true, required: true }),
});

/** Append-only: each amendment's reason and the before and after of every field it changed. */
export const safeguardingAmendmentRecord = defineRecord('safeguarding_amendment', 'safeguarding_amendments', {
  recordId: field.text('Safeguarding record', { max: 100, system: true, required: true }),
  caseId,
  amendedAt: field.text('Amended', { max: 40, system: true, required: true }),
  reason: field.longText('Reason for the amendment', { max: 10_000, required: true }),
  changes: field.json(z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })), 'Changes', {
    required: true,
    initial: [],
  }),
});

export const fieldworkRecords = [
  contactRecord,
  noteRecord,
  wishesRecord,
  observationRecord,
  actionRecord,
  safeguardingRecord,
  safeguardingAmendmentRecord,
] as const;
