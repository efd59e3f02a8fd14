import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import {
  agreementMethods,
  attendanceValues,
  meetingTypes,
  presenters,
  TIME_PATTERN,
  viewsPresentedValues,
  wishesReflectedValues,
} from '../domain/meetings';
import { changes, exports, notAudited, reads } from './audit-spec';
import { correctionReasonSchema } from '../domain/corrections';
import { method } from './define';

/** Meetings, "my views" statements and debriefs. See shared/domain/meetings*.ts. */
const id = z.string().min(1).max(100);
const isoDate = z.string().refine(isIsoDate, 'Enter a real date.');
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const meetingFieldsSchema = z.object({
  caseId: id.describe('Case'),
  type: z.enum(meetingTypes).describe('Type of meeting'),
  typeOther: optionalText(200).describe('Type of meeting'),
  date: isoDate.describe('Date'),
  time: z
    .string()
    .regex(TIME_PATTERN, 'Enter the time as hh:mm, for example 14:30.')
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Time'),
  place: optionalText(500).describe('Place'),
  chair: optionalText(200).describe('Chair'),
  invitees: z.array(text(200).min(1)).max(60).default([]).describe('Invitees'),
  notes: optionalText(5000).describe('Notes'),
});

export const caseLabelSchema = z.object({ name: z.string(), reference: z.string() }).nullable();

export const meetingSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  type: z.enum(meetingTypes),
  typeOther: z.string().nullable(),
  date: z.string(),
  time: z.string().nullable(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  invitees: z.array(z.string()),
  notes: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Whose meeting it is, for the advocate's lists (never shown in the young-person view). */
  caseLabel: caseLabelSchema,
  statementCount: z.number().int(),
  debriefed: z.boolean(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const sectionSchema = z.object({
  key: z.string().min(1).max(60),
  prompt: text(300),
  text: z.string().max(20_000),
});

export const readabilitySchema = z
  .object({ score: z.number(), words: z.number(), sentences: z.number(), syllables: z.number(), band: z.string() })
  .nullable();

export const agreementSchema = z.object({
  versionId: z.string(),
  agreedOn: z.string(),
  how: z.enum(agreementMethods),
  note: z.string().nullable(),
  /** False once the words have changed since the young person agreed them. */
  current: z.boolean(),
});

export const statementSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  meetingId: z.string(),
  templateId: z.string().nullable(),
  presenter: z.enum(presenters).nullable(),
  sections: z.array(sectionSchema),
  currentVersionId: z.string().nullable(),
  versionCount: z.number().int(),
  updatedAt: z.string().nullable(),
  agreement: agreementSchema.nullable(),
  canExport: z.boolean(),
  readability: readabilitySchema,
});
export type Statement = z.infer<typeof statementSchema>;

/** What the young-person view receives: the words and nothing that identifies anyone. */
export const childStatementSchema = z.object({
  id: z.string(),
  heading: z.string(),
  presenter: z.enum(presenters).nullable(),
  sections: z.array(sectionSchema),
});
export type ChildStatement = z.infer<typeof childStatementSchema>;

export const versionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  savedAt: z.string(),
  savedIn: z.enum(['advocate', 'young_person_view']),
  words: z.number().int(),
  agreed: z.boolean(),
});

export const actionSchema = z.object({
  text: text(1000).min(1),
  who: optionalText(200),
  due: isoDate
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const issueMovedSchema = z.object({ issueId: id, note: optionalText(2000) });

export const debriefFieldsSchema = z.object({
  attended: z.enum(attendanceValues).nullable().describe('Did the young person attend'),
  viewsPresented: z.enum(viewsPresentedValues).nullable().describe('How their views were presented'),
  decisions: optionalText(10_000).describe('Decisions made'),
  wishesReflected: z.enum(wishesReflectedValues).nullable().describe('Did the decision reflect their wishes'),
  actions: z.array(actionSchema).max(50).default([]),
  issuesMoved: z.array(issueMovedSchema).max(50).default([]),
  debriefedOn: isoDate
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Debrief date'),
  notes: optionalText(10_000),
});

export const debriefSchema = z.object({
  meetingId: z.string(),
  caseId: z.string(),
  attended: z.enum(attendanceValues).nullable(),
  viewsPresented: z.enum(viewsPresentedValues).nullable(),
  decisions: z.string().nullable(),
  wishesReflected: z.enum(wishesReflectedValues).nullable(),
  actions: z.array(z.object({ text: z.string(), who: z.string().nullable(), due: z.string().nullable() })),
  issuesMoved: z.array(z.object({ issueId: z.string(), note: z.string().nullable() })),
  debriefedOn: z.string().nullable(),
  notes: z.string().nullable(),
  outcome: z.object({
    tookPart: z.boolean(),
    viewsHeard: z.boolean(),
    outcomeAchieved: z.enum(['yes', 'partly', 'no', 'unknown']),
  }),
});
export type Debrief = z.infer<typeof debriefSchema>;

export const outcomeMeasuresSchema = z.object({
  meetings: z.number().int(),
  tookPart: z.number().int(),
  viewsHeard: z.number().int(),
  outcome: z.object({
    yes: z.number().int(),
    partly: z.number().int(),
    no: z.number().int(),
    unknown: z.number().int(),
  }),
  percent: z.object({
    tookPart: z.number(),
    viewsHeard: z.number(),
    outcomeAchieved: z.number(),
    outcomePartlyAchieved: z.number(),
  }),
});

export const meetingDetailSchema = z.object({
  meeting: meetingSchema,
  statements: z.array(statementSchema),
  debrief: debriefSchema.nullable(),
  /** The case's issues, so a debrief can say which ones moved. */
  issues: z.array(
    z.object({ id: z.string(), code: z.string(), description: z.string().nullable(), status: z.string() }),
  ),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;

export const nextMeetingSchema = z.object({
  caseId: z.string(),
  meetingId: z.string(),
  type: z.enum(meetingTypes),
  date: z.string(),
  time: z.string().nullable(),
});
export type NextMeeting = z.infer<typeof nextMeetingSchema>;

export const meetingsMethods = {
  'meetings.save': method(
    meetingFieldsSchema.extend({ id: id.optional(), reason: correctionReasonSchema }).strict(),
    meetingSchema,
    { audit: changes('a meeting', { input: 'caseId' }) },
  ),
  'meetings.get': method(z.object({ id }).strict(), meetingDetailSchema, {
    audit: reads('a meeting', { record: 'id' }),
  }),
  'meetings.remove': method(
    z.object({ id, reason: correctionReasonSchema }).strict(),
    z.object({ removed: z.boolean() }),
    { audit: changes('a meeting', { record: 'id' }) },
  ),
  /** Meetings between two dates inclusive, for the calendar. */
  'meetings.list': method(z.object({ from: isoDate, to: isoDate }).strict(), z.array(meetingSchema), {
    audit: notAudited('the calendar across the caseload; opening any one meeting is recorded'),
  }),
  /** From today for the given number of days, for the upcoming list and the reminders panel. */
  'meetings.upcoming': method(
    z.object({ days: z.number().int().min(0).max(366).default(14) }).strict(),
    z.array(meetingSchema),
    { audit: notAudited('a list across the caseload; opening any one meeting is recorded') },
  ),
  'meetings.forCase': method(z.object({ caseId: id }).strict(), z.array(meetingSchema), {
    audit: reads("the case's meetings", { input: 'caseId' }),
  }),
  /** Each case's next meeting from today (for the caseload list). */
  'meetings.nextByCase': method(z.object({}).strict(), z.array(nextMeetingSchema), {
    audit: notAudited('a list across the caseload; opening any one case is recorded'),
  }),
  'meetings.saveDebrief': method(debriefFieldsSchema.extend({ meetingId: id }).strict(), debriefSchema, {
    audit: changes("a meeting's debrief", { record: 'meetingId' }),
  }),
  /** Outcome measures over debriefed meetings: one case, or all, optionally by meeting date (e.g. a quarter). */
  'meetings.outcomes': method(
    z.object({ caseId: id.optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
    outcomeMeasuresSchema,
    { audit: reads("the case's outcome measures", { input: 'caseId' }) },
  ),

  'statements.create': method(z.object({ meetingId: id, templateId: z.string().max(60) }).strict(), statementSchema, {
    audit: changes('a "my views" statement', { record: 'meetingId' }),
  }),
  'statements.get': method(z.object({ id }).strict(), statementSchema, {
    audit: reads('a "my views" statement', { record: 'id' }),
  }),
  'statements.save': method(
    z
      .object({
        id,
        sections: z.array(sectionSchema).min(1).max(20),
        presenter: z.enum(presenters).nullable(),
        savedIn: z.enum(['advocate', 'young_person_view']).default('advocate'),
      })
      .strict(),
    statementSchema,
    { audit: changes('a "my views" statement', { record: 'id' }) },
  ),
  'statements.childView': method(z.object({ id }).strict(), childStatementSchema, {
    audit: reads("a statement in the young person's view", { record: 'id' }),
  }),
  'statements.versions': method(z.object({ id }).strict(), z.array(versionSummarySchema), {
    audit: reads("a statement's versions", { record: 'id' }),
  }),
  'statements.version': method(
    z.object({ versionId: id }).strict(),
    z.object({
      id: z.string(),
      sections: z.array(sectionSchema),
      presenter: z.enum(presenters).nullable(),
      savedAt: z.string(),
    }),
    { audit: reads('an earlier version of a statement', { record: 'versionId' }) },
  ),
  'statements.agree': method(
    z
      .object({
        id,
        agreedOn: isoDate.describe('Date agreed'),
        how: z.enum(agreementMethods).describe('How they agreed'),
        note: optionalText(1000),
      })
      .strict(),
    statementSchema,
    { audit: changes("the young person's agreement to a statement", { record: 'id' }) },
  ),
  /** The agreed statement as a PDF (base64). Refused until the young person has agreed the current words. The case id lets the audit trail record whose statement left the store. */
  'statements.exportPdf': method(
    z.object({ id }).strict(),
    z.object({ caseId: z.string(), fileName: z.string(), base64: z.string() }),
    { audit: exports('a "my views" statement as a PDF', { record: 'id' }) },
  ),
};
