import { z } from 'zod';
import { closureOutcomes, genders, issueCodes, referralSources, serviceUserTypes } from '../domain/codes';
import { isIsoDate } from '../domain/dates';
import { reportAgeBands } from '../reports/age';
import {
  feedbackFormKinds,
  professionalQuestions,
  respondentRoles,
  smileyAnswers,
  youngPersonQuestions,
} from '../reports/feedback';
import { advocacyTypes } from '../domain/caseload';
import { complaintStages } from '../domain/complaint-deadlines';
import { disabilityStatuses, ethnicityCodes, systemicAreas } from '../domain/equality';
import { meetingTypes } from '../domain/meetings';
import { escalationRoutes, reportIssueOutcomes } from '../reports/activity';
import type { FullReport } from '../reports/quarterly';
import { changes, exports, notAudited, reads } from './audit-spec';
import { method } from './define';

const isoDate = z.string().refine(isIsoDate, 'Enter a real date.');
const id = z.string().min(1).max(100);
export const periodSchema = z
  .object({ from: isoDate.describe('First day'), to: isoDate.describe('Last day') })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'The last day must not be before the first day.', path: ['to'] });

// Every code is a required key (zod records over an enum are exhaustive), as the report promises.
const counts = (keys: readonly string[]) =>
  z.record(z.enum(keys as [string, ...string[]]), z.number().int().nonnegative());
const pct = z.number().nullable();
const answerSummary = z.object({
  happy: z.number(),
  ok: z.number(),
  sad: z.number(),
  notAnswered: z.number(),
  percentPositive: pct,
});
const withNotKnown = (keys: readonly string[]): string[] => [...keys, 'not_known'];
const outcomes = [...closureOutcomes, 'not_recorded'] as [string, ...string[]];

export const quarterlyReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  newReferrals: z.number().int(),
  byServiceUserType: counts(withNotKnown(serviceUserTypes)),
  byAgeBand: counts(reportAgeBands),
  byIssue: counts(issueCodes),
  byGender: counts(withNotKnown(genders)),
  bySource: counts(withNotKnown(referralSources)),
  byLocalAuthority: z.record(z.string(), z.number().int()),
  issuesByAgeBand: z.record(z.enum(reportAgeBands), counts(issueCodes)),
  allocated: z.object({ count: z.number().int(), percent: pct, medianDaysToAllocation: z.number().nullable() }),
  closed: z.object({
    total: z.number().int(),
    byOutcome: counts(outcomes),
    percentByOutcome: z.record(z.enum(outcomes), pct),
  }),
  briefInterventions: z.object({ count: z.number().int(), percentOfNewReferrals: pct }),
  feedback: z.object({
    received: z.record(z.enum(feedbackFormKinds), z.number()),
    youngPerson: z.record(z.enum(youngPersonQuestions), answerSummary),
    professional: z.record(z.enum(professionalQuestions), answerSummary),
    professionalByRole: z.record(z.enum(respondentRoles), z.number()),
    withComments: z.number(),
  }),
  byEthnicity: counts(ethnicityCodes),
  byDisability: counts(disabilityStatuses),
  byAdvocacyType: counts(advocacyTypes),
  outOfArea: z.object({ count: z.number().int(), percent: pct }),
  reReferrals: z.object({ count: z.number().int(), percent: pct }),
  issueOutcomes: z.record(z.enum(issueCodes), counts(reportIssueOutcomes)),
  complaints: z.object({
    made: z.number().int(),
    byStage: counts(complaintStages),
    respondedOnTime: z.number().int(),
    respondedLate: z.number().int(),
    escalated: counts(escalationRoutes),
  }),
  safeguarding: z.object({ records: z.number().int(), confidentialityBroken: z.number().int() }),
  contacts: z.object({
    visits: z.number().int(),
    otherContacts: z.number().int(),
    hours: z.number(),
    travelHours: z.number(),
    miles: z.number(),
    outOfAreaVisits: z.number().int(),
  }),
  meetings: z.object({
    supported: z.number().int(),
    byType: counts(meetingTypes),
    debriefed: z.number().int(),
    tookPart: z.number().int(),
    viewsHeard: z.number().int(),
    outcome: counts(['yes', 'partly', 'no', 'unknown']),
    percent: z.object({ tookPart: pct, viewsHeard: pct, outcomeAchieved: pct }),
  }),
  systemicIssues: z.record(
    z.enum(systemicAreas),
    z.object({ cases: z.number().int(), issues: z.array(z.object({ issue: z.string(), cases: z.number().int() })) }),
  ),
}) as unknown as z.ZodType<FullReport>;

const smiley = z.enum(smileyAnswers).nullable();
export const feedbackFormInputSchema = z
  .object({
    id: id.optional(),
    caseId: id,
    kind: z.enum(feedbackFormKinds),
    receivedDate: isoDate.describe('Date received'),
    respondentRole: z.enum(respondentRoles).nullable().default(null),
    listenedTo: smiley.default(null),
    thingsChanged: smiley.default(null),
    useAgain: smiley.default(null),
    voiceHeard: smiley.default(null),
    keptInformed: smiley.default(null),
    recommend: smiley.default(null),
    comment: z.string().max(5000).default('').describe('What could we do better?'),
    mayQuote: z.boolean().default(false),
  })
  .strict();
export const feedbackFormSchema = feedbackFormInputSchema.extend({ id, createdAt: z.string().nullable() });
export type FeedbackForm = z.infer<typeof feedbackFormSchema>;
export type FeedbackFormInput = z.input<typeof feedbackFormInputSchema>;

export const sectionKinds = ['narrative', 'case_study'] as const;
export const reportSectionSchema = z.object({
  id,
  period: z.object({ from: z.string(), to: z.string() }),
  kind: z.enum(sectionKinds),
  position: z.number().int(),
  title: z.string(),
  body: z.string(),
  caseId: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const caseStudyCandidateSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  name: z.string(),
  serviceUserType: z.string().nullable(),
  ageAtReferral: z.number().nullable(),
  issues: z.array(z.string()),
  closureOutcome: z.string().nullable(),
  suggestedPseudonym: z.string(),
});
export type CaseStudyCandidate = z.infer<typeof caseStudyCandidateSchema>;

export const reportsMethods = {
  'reports.quarterly': method(z.object({ period: periodSchema }).strict(), quarterlyReportSchema, {
    audit: notAudited('figures counted over every case; nothing names a child'),
  }),
  'reports.csv': method(
    z.object({ period: periodSchema }).strict(),
    z.object({ csv: z.string(), fileName: z.string() }),
    { audit: exports('the quarterly report as CSV', null) },
  ),
  'reports.pdf': method(
    z
      .object({ period: periodSchema, serviceName: z.string().trim().max(120).optional().describe('Service name') })
      .strict(),
    z.object({ fileName: z.string(), base64: z.string(), pages: z.number().int() }),
    { audit: exports('the quarterly report as a PDF', null) },
  ),
  'reports.casesBehind': method(
    z.object({ period: periodSchema, figure: z.string().min(1).max(60), code: z.string().min(1).max(300) }).strict(),
    z.object({ references: z.array(z.string()) }),
    {
      audit: notAudited(
        'the references (never names) of the cases behind a figure in the report; opening any of them is recorded',
      ),
    },
  ),
  'reports.exportTableCsv': method(
    z
      .object({
        period: periodSchema,
        table: z
          .string()
          .min(1)
          .max(60)
          .regex(/^[a-z_]+$/),
      })
      .strict(),
    z.object({ csv: z.string(), fileName: z.string() }),
    { audit: exports('a table of the quarterly report as CSV', null) },
  ),
  'reports.exportXlsx': method(
    z.object({ period: periodSchema }).strict(),
    z.object({ fileName: z.string(), base64: z.string() }),
    { audit: exports('the quarterly report as a spreadsheet', null) },
  ),
  'reports.sections.list': method(z.object({ period: periodSchema }).strict(), z.array(reportSectionSchema), {
    audit: notAudited("the report's own writing, with case studies already anonymised"),
  }),
  'reports.sections.save': method(
    z
      .object({
        id: id.optional(),
        period: periodSchema,
        kind: z.enum(sectionKinds),
        title: z.string().trim().min(1, 'Give the section a title.').max(200).describe('Title'),
        body: z.string().max(100_000),
        caseId: id.nullable().default(null),
        /** For a case study: the name used instead of the young person's. */
        pseudonym: z.string().trim().max(60).optional(),
        /** Further words to replace with "[place]" or "[name]" (a school, a sibling). */
        extraPlaces: z.array(z.string().max(200)).max(50).default([]),
        extraNames: z.array(z.string().max(200)).max(50).default([]),
      })
      .strict(),
    reportSectionSchema,
    { audit: changes('a section of the quarterly report', { input: 'caseId' }) },
  ),
  'reports.sections.remove': method(z.object({ id }).strict(), z.object({ removed: z.boolean() }), {
    audit: changes('a section of the quarterly report', { record: 'id' }),
  }),
  'reports.caseStudyCandidates': method(
    z.object({ period: periodSchema }).strict(),
    z.array(caseStudyCandidateSchema),
    { audit: notAudited('a list across the caseload; opening any one case is recorded') },
  ),
  'reports.quotes': method(
    z.object({ period: periodSchema }).strict(),
    z.array(
      z.object({
        kind: z.enum(feedbackFormKinds),
        respondentRole: z.enum(respondentRoles).nullable(),
        comment: z.string(),
      }),
    ),
    { audit: notAudited('a list across the caseload; opening any one case is recorded') },
  ),
  'feedback.list': method(z.object({ caseId: id }).strict(), z.array(feedbackFormSchema), {
    audit: reads("the case's feedback forms", { input: 'caseId' }),
  }),
  'feedback.save': method(feedbackFormInputSchema, feedbackFormSchema, {
    audit: changes('a feedback form', { input: 'caseId' }),
  }),
  'feedback.remove': method(z.object({ id }).strict(), z.object({ removed: z.boolean() }), {
    audit: changes('a feedback form', { record: 'id' }),
  }),
};
