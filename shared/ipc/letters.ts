import { z } from 'zod';
import { complaintOutcomes, complaintStages } from '../domain/complaint-deadlines';
import { isIsoDate } from '../domain/dates';
import { changes, exports, notAudited, reads, sends } from './audit-spec';
import { method } from './define';

/** Letters, the service letterhead, council complaints addresses and the complaint tracker. */

const id = z.string().min(1).max(100);
const isoDate = z.string().refine(isIsoDate, 'Enter a real date.');
const optionalDate = isoDate
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

/** TipTap JSON: checked for shape, not for node types (the editor owns those). */
export type DocJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocJson[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};
export const docJsonSchema: z.ZodType<DocJson> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(60),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(docJsonSchema).max(5000).optional(),
    text: z.string().max(100_000).optional(),
    marks: z
      .array(z.object({ type: z.string().max(60), attrs: z.record(z.string(), z.unknown()).optional() }))
      .max(20)
      .optional(),
  }),
);

export const sendMethods = ['post', 'email', 'hand', 'portal', 'other'] as const;
export const sendMethodLabels: Record<(typeof sendMethods)[number], string> = {
  post: 'Post',
  email: 'Email',
  hand: 'By hand',
  portal: 'Online form',
  other: 'Other',
};

export const templateInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  recipient: z.string(),
  startsStage: z.enum(complaintStages).nullable(),
  formal: z.boolean(),
});
export type TemplateInfo = z.infer<typeof templateInfoSchema>;

export const letterSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  templateId: z.string().nullable(),
  complaintId: z.string().nullable(),
  title: z.string(),
  recipient: z.string().nullable(),
  body: docJsonSchema,
  sentOn: z.string().nullable(),
  sentMethod: z.enum(sendMethods).nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** 1 for a first letter; each correction is the next version. */
  version: z.number().int(),
  /** The sent letter this one corrects. */
  versionOf: z.string().nullable(),
  /** What the correction changed, in the advocate's words. */
  changeNote: z.string().nullable(),
  /** The newer version that corrects this one, once one is written. */
  correctedBy: z.string().nullable(),
  /** [Placeholders] the advocate chose to leave in the letter when it was sent. */
  placeholdersLeft: z.array(z.string()),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterSummarySchema = letterSchema.omit({ body: true });
export type LetterSummary = z.infer<typeof letterSummarySchema>;

export const unsentLetterSchema = letterSummarySchema.extend({
  caseLabel: z.object({ name: z.string(), reference: z.string() }).nullable(),
});
export type UnsentLetter = z.infer<typeof unsentLetterSchema>;

export const letterheadSchema = z.object({
  name: z.string().trim().max(200).describe('Service name'),
  address: z.string().trim().max(1000).describe('Address'),
  /** PNG, base64, at most about 300 KB. */
  logoPngBase64: z.string().max(400_000).nullable().describe('Logo'),
});
export type LetterheadSettings = z.infer<typeof letterheadSchema>;

/** Where a council's children's complaints team takes letters. About councils, not children. */
export const councilAddressSchema = z.object({
  council: z.string().trim().min(1, 'Name the council.').max(200).describe('Council'),
  complaintsAddress: z.string().trim().max(1000).describe('Complaints address'),
});
export type CouncilAddress = z.infer<typeof councilAddressSchema>;

export const complaintFieldsSchema = z.object({
  id: id.optional(),
  caseId: id.describe('Case'),
  stage: z.enum(complaintStages).describe('Stage'),
  summary: optionalText(2000).describe('What the complaint is about'),
  councilReference: optionalText(100).describe("Council's reference"),
  receivedOn: isoDate.describe('Date the council received it'),
  acknowledgedOn: optionalDate.describe('Date acknowledged'),
  extendedTo: z
    .number()
    .int()
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Extended to (working days)'),
  extensionReason: optionalText(1000).describe('Reason for the extension'),
  responseReceivedOn: optionalDate.describe('Date the response arrived'),
  outcome: z
    .enum(complaintOutcomes)
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .describe('Outcome'),
  panelHeldOn: optionalDate.describe('Date the panel met'),
  panelReportOn: optionalDate.describe("Date of the panel's report"),
  escalatedFrom: id
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type ComplaintFields = z.input<typeof complaintFieldsSchema>;

/** Placeholders the advocate chose to leave as they are (each "[...]" exactly as in the letter). */
const leaveSchema = z
  .array(z.string().min(2).max(302))
  .max(200)
  .optional()
  .transform((v) => v ?? []);

export const ownWordsChoiceSchema = z.object({
  source: z.enum(['note', 'wishes']),
  /** Where the words were recorded, for the advocate to recognise them: "Note: Visit, 02/03/2026". */
  label: z.string(),
  text: z.string(),
});
export type OwnWordsChoice = z.infer<typeof ownWordsChoiceSchema>;

export const complaintLetterSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.number().int(),
  sentOn: z.string().nullable(),
  sentMethod: z.enum(sendMethods).nullable(),
});
export type ComplaintLetter = z.infer<typeof complaintLetterSchema>;

const deadlineSchema = z.object({
  key: z.enum(['response', 'panel', 'panelReport', 'councilResponse']),
  label: z.string(),
  due: z.string().nullable(),
  doneOn: z.string().nullable(),
  status: z.enum(['met', 'met_late', 'pending', 'overdue', 'waiting']),
  workingDaysLeft: z.number().int().nullable(),
});

export const nextStepSchema = z.object({
  kind: z.enum(['wait', 'chase', 'stage2', 'stage3', 'help_at_hand', 'ombudsman', 'close', 'none']),
  text: z.string(),
  templateId: z.string().nullable(),
});

export const complaintSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  stage: z.enum(complaintStages),
  summary: z.string().nullable(),
  councilReference: z.string().nullable(),
  receivedOn: z.string(),
  acknowledgedOn: z.string().nullable(),
  extendedTo: z.number().int().nullable(),
  extensionReason: z.string().nullable(),
  responseReceivedOn: z.string().nullable(),
  outcome: z.enum(complaintOutcomes).nullable(),
  panelHeldOn: z.string().nullable(),
  panelReportOn: z.string().nullable(),
  escalatedFrom: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Letters written for this complaint stage, oldest first. */
  letters: z.array(complaintLetterSchema),
  deadlines: z.array(deadlineSchema),
  overdue: z.boolean(),
  nextDue: z.string().nullable(),
  nextStep: nextStepSchema,
});
export type Complaint = z.infer<typeof complaintSchema>;

export const overdueComplaintSchema = complaintSchema.extend({
  caseLabel: z.object({ name: z.string(), reference: z.string() }).nullable(),
});
export type OverdueComplaint = z.infer<typeof overdueComplaintSchema>;

export const lettersMethods = {
  'letters.templates': method(z.object({}).strict(), z.array(templateInfoSchema), {
    needsUnlock: false,
    audit: notAudited('the list of letter templates holds nothing about a child'),
  }),
  'letters.forCase': method(z.object({ caseId: id }).strict(), z.array(letterSummarySchema), {
    audit: reads("the case's letters", { input: 'caseId' }),
  }),
  'letters.create': method(
    z
      .object({
        caseId: id,
        templateId: id,
        complaintId: id.nullable().optional(),
        ownWords: z.string().trim().max(10_000).nullable().optional(),
      })
      .strict(),
    letterSchema,
    { audit: changes('a letter', { input: 'caseId' }) },
  ),
  'letters.ownWordsChoices': method(z.object({ caseId: id }).strict(), z.array(ownWordsChoiceSchema), {
    audit: reads("the young person's own words kept on the case, to quote in a letter", { input: 'caseId' }),
  }),
  'letters.placeholders': method(
    z.object({ id }).strict(),
    z.object({ placeholders: z.array(z.string()), left: z.array(z.string()) }),
    { audit: reads("a letter's places still to fill", { record: 'id' }) },
  ),
  'letters.fillPlaceholders': method(
    z
      .object({
        id,
        fills: z.record(
          z.string().min(2).max(302),
          z.string().trim().min(1, 'Type what should go in its place.').max(5000),
        ),
      })
      .strict(),
    letterSchema,
    { audit: changes('a letter', { record: 'id' }) },
  ),
  'letters.correct': method(
    z.object({ id, changeNote: z.string().trim().min(1, 'Say what the correction changes.').max(1000) }).strict(),
    letterSchema,
    { audit: changes('a sent letter, corrected as a new version', { record: 'id' }) },
  ),
  'letters.restore': method(z.object({ id }).strict(), letterSchema, {
    audit: changes('a letter, brought back', { record: 'id' }),
  }),
  'letters.get': method(z.object({ id }).strict(), letterSchema, { audit: reads('a letter', { record: 'id' }) }),
  'letters.save': method(
    z
      .object({
        id,
        title: z.string().trim().min(1, 'Give the letter a title.').max(200).optional(),
        recipient: optionalText(500),
        body: docJsonSchema.optional(),
      })
      .strict(),
    letterSchema,
    { audit: changes('a letter', { record: 'id' }) },
  ),
  'letters.markSent': method(
    z.object({ id, sentOn: isoDate, sentMethod: z.enum(sendMethods), leave: leaveSchema }).strict(),
    letterSchema,
    { audit: sends('a letter', { record: 'id' }) },
  ),
  'letters.unsent': method(z.object({}).strict(), z.array(unsentLetterSchema), {
    audit: notAudited('a list across the caseload; opening any one case is recorded'),
  }),
  'letters.remove': method(z.object({ id }).strict(), z.object({ removed: z.boolean() }), {
    audit: changes('a letter', { record: 'id' }),
  }),
  /** A letter from a template straight to a PDF, found by the case's reference; nothing is kept in the store (the command line's `letter`). */
  'letters.draftPdf': method(
    z.object({ caseReference: z.string().trim().min(1, 'Give the case reference.').max(100), templateId: id }).strict(),
    z.object({
      caseId: z.string(),
      fileName: z.string(),
      base64: z.string(),
      pages: z.number().int(),
      placeholders: z.number().int(),
    }),
    { audit: exports('a letter drafted from a template, as a PDF (not kept in Heard)', { output: 'caseId' }) },
  ),
  'letters.exportPdf': method(
    z.object({ id, leave: leaveSchema }).strict(),
    z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() }),
    { audit: exports('a letter as a PDF', { record: 'id' }) },
  ),
  'letterhead.get': method(z.object({}).strict(), letterheadSchema, {
    needsUnlock: false,
    audit: notAudited("the service's letterhead holds nothing about a child"),
  }),
  'letterhead.save': method(letterheadSchema.strict(), letterheadSchema, {
    needsUnlock: false,
    audit: changes("the service's letterhead", null),
  }),
  'councils.list': method(z.object({}).strict(), z.array(councilAddressSchema), {
    needsUnlock: false,
    audit: notAudited("councils' complaints addresses; nothing about a child"),
  }),
  'councils.save': method(councilAddressSchema.strict(), z.array(councilAddressSchema), {
    needsUnlock: false,
    audit: changes("a council's complaints address", null),
  }),
  'complaints.forCase': method(z.object({ caseId: id }).strict(), z.array(complaintSchema), {
    audit: reads("the case's complaints", { input: 'caseId' }),
  }),
  'complaints.save': method(complaintFieldsSchema.strict(), complaintSchema, {
    audit: changes('a complaint', { input: 'caseId' }),
  }),
  'complaints.remove': method(z.object({ id }).strict(), z.object({ removed: z.boolean() }), {
    audit: changes('a complaint', { record: 'id' }),
  }),
  'complaints.overdue': method(z.object({}).strict(), z.array(overdueComplaintSchema), {
    audit: notAudited('a list across the caseload; opening any one case is recorded'),
  }),
};
