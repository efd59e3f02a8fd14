import { z } from 'zod';
import { councilOptionSchema } from './councils';
import {
  advocateRoles,
  advocateSchema,
  caseRowSchema,
  isoDateSchema,
  issueInputSchema,
  issueSchema,
  issueStatuses,
  personFieldsSchema,
  personSchema,
  referralFieldsSchema,
  referralSchema,
  referralStatuses,
} from '../domain/caseload';
import { closureOutcomes, issueOutcomes, serviceUserTypes, urgencies } from '../domain/codes';
import { changes, exports, notAudited, reads } from './audit-spec';
import { closureDecisionInputSchema, closureToldSchema, openWorkItemSchema } from '../domain/closure';
import { correctionReasonSchema, correctionSchema } from '../domain/corrections';
import { method } from './define';

const id = z.string().min(1).max(100);
const entitlementSchema = z.object({ code: z.string(), title: z.string(), basis: z.string(), because: z.string() });

export const caseDetailSchema = z.object({
  referral: referralSchema,
  person: personSchema.nullable(),
  issues: z.array(issueSchema),
  advocate: advocateSchema.nullable(),
  entitlements: z.object({ entitlements: z.array(entitlementSchema), notes: z.array(z.string()) }),
  /** Set when the social worker should be told an advocate is involved (a young child, non-instructed advocacy). */
  socialWorkerToBeTold: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const triageRowSchema = caseRowSchema.extend({
  waitingDays: z.number().int().nullable(),
  urgencyReason: z.string().nullable(),
  /** Sent through the service's online referral form. */
  receivedOnline: z.boolean(),
  /** A young person already known may be this one; a manager has not yet said. */
  possibleMatch: z.boolean(),
});
export type TriageRow = z.infer<typeof triageRowSchema>;

export const caseListFilterSchema = z.object({
  /** Only cases allocated to the advocate using this device. */
  mine: z.boolean().default(false),
  statuses: z.array(z.enum(referralStatuses)).default([]),
  serviceUserTypes: z.array(z.enum(serviceUserTypes)).default([]),
  urgencies: z.array(z.enum(urgencies)).default([]),
  localAuthorities: z.array(z.string().max(200)).default([]),
  /** Words from a name, a reference or what was written; matched as you type. */
  query: z.string().max(200).default(''),
  limit: z.number().int().min(1).max(500).default(200),
});
export type CaseListFilter = z.input<typeof caseListFilterSchema>;

export const importProblemSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;
export const importReportSchema = z.object({
  rows: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(importProblemSchema),
  /** The first rows, for the preview table: reference, name column values only. */
  preview: z.array(z.record(z.string(), z.string())),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const knownPersonSchema = z.object({
  personId: z.string(),
  displayName: z.string(),
  dateOfBirth: z.string().nullable(),
  localAuthority: z.string().nullable(),
  kind: z.enum(['young_person', 'parent']),
  statusTags: z.array(z.string()),
  referrals: z.number().int(),
});
export type KnownPerson = z.infer<typeof knownPersonSchema>;

/** One referral in the import file's columns: codes, ISO dates, no names. */
export const caseExportRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  person_reference: z.string().nullable(),
  date_of_birth: z.string().nullable(),
  gender: z.string().nullable(),
  service_user_type: z.string().nullable(),
  local_authority: z.string().nullable(),
  referral_date: z.string().nullable(),
  referral_source: z.string().nullable(),
  issues: z.array(z.string()),
  urgency: z.string().nullable(),
  allocated_to: z.string().nullable(),
  allocation_date: z.string().nullable(),
  closure_date: z.string().nullable(),
  closure_outcome: z.string().nullable(),
  status: z.string(),
});

export const DEMO_DATA_CONFIRMATION = 'make invented records in this store';

const csvInput = z.object({ csv: z.string().max(50_000_000) }).strict();

export const caseloadMethods = {
  'caseload.me.get': method(z.object({}).strict(), z.object({ advocate: advocateSchema, named: z.boolean() }), {
    audit: notAudited('who is using this computer; nothing about a child'),
  }),
  'caseload.me.setName': method(
    z.object({ name: z.string().trim().min(1, 'Enter your name.').max(200) }).strict(),
    advocateSchema,
    { audit: changes("the advocate's own name", null) },
  ),
  'caseload.advocates.list': method(z.object({}).strict(), z.array(advocateSchema), {
    audit: notAudited("the service's advocates; nothing about a child"),
  }),
  'caseload.advocates.add': method(
    z
      .object({
        name: z.string().trim().min(1, 'Enter the advocate’s name.').max(200),
        role: z.enum(advocateRoles).default('advocate'),
      })
      .strict(),
    advocateSchema,
    { audit: changes('the list of advocates', null) },
  ),
  'caseload.referrals.create': method(
    z
      .object({
        personId: id.optional(),
        person: personFieldsSchema.optional(),
        referral: referralFieldsSchema.extend({
          referralDate: isoDateSchema,
          serviceUserType: z.enum(serviceUserTypes),
        }),
        issues: z.array(issueInputSchema).min(1, 'Add at least one issue.').max(30),
      })
      .strict(),
    z.object({ caseId: z.string(), reference: z.string() }),
    { audit: changes('a new referral', { output: 'caseId' }) },
  ),
  'caseload.referrals.update': method(
    z.object({ caseId: id, fields: referralFieldsSchema, reason: correctionReasonSchema }).strict(),
    referralSchema,
    { audit: changes('the referral', { input: 'caseId' }) },
  ),
  'caseload.people.update': method(
    z.object({ personId: id, caseId: id, fields: personFieldsSchema, reason: correctionReasonSchema }).strict(),
    personSchema,
    { audit: changes("the young person's details", { input: 'caseId' }) },
  ),
  'caseload.people.find': method(z.object({ query: z.string().max(200) }).strict(), z.array(knownPersonSchema), {
    audit: notAudited('a search for a person already known, to link a new referral; opening their case is recorded'),
  }),
  'caseload.case.get': method(z.object({ caseId: id }).strict(), caseDetailSchema.nullable(), {
    audit: reads('the case', { input: 'caseId' }),
  }),
  'caseload.list': method(
    caseListFilterSchema.strict(),
    z.object({ rows: z.array(caseRowSchema), more: z.boolean() }),
    { audit: notAudited('the caseload list; opening any one case is recorded') },
  ),
  'caseload.triage': method(z.object({}).strict(), z.array(triageRowSchema), {
    audit: notAudited('the list of cases waiting; opening any one case is recorded'),
  }),
  /** The councils of the people on this device, for the caseload filter: code and name. */
  'caseload.localAuthorities': method(z.object({}).strict(), z.array(councilOptionSchema), {
    audit: notAudited('the names of councils; nothing about a child'),
  }),
  'caseload.allocate': method(z.object({ caseId: id, advocateId: id, date: isoDateSchema }).strict(), referralSchema, {
    audit: changes("the case's allocation", { input: 'caseId' }),
  }),
  'caseload.issues.add': method(z.object({ caseId: id, issue: issueInputSchema }).strict(), issueSchema, {
    audit: changes("the case's issues", { input: 'caseId' }),
  }),
  'caseload.issues.update': method(
    z
      .object({
        issueId: id,
        fields: issueInputSchema.partial().extend({
          status: z.enum(issueStatuses).optional(),
          outcome: z.enum(issueOutcomes).nullable().optional(),
          outcomeNote: z.string().trim().max(5000).nullable().optional(),
        }),
        reason: correctionReasonSchema,
      })
      .strict(),
    issueSchema,
    { audit: changes('an issue', { record: 'issueId' }) },
  ),
  'caseload.issues.remove': method(
    z.object({ issueId: id, reason: correctionReasonSchema }).strict(),
    z.object({ removed: z.boolean() }),
    { audit: changes('an issue', { record: 'issueId' }) },
  ),
  'caseload.case.close': method(
    z
      .object({
        caseId: id,
        closureDate: isoDateSchema,
        closureOutcome: z.enum(closureOutcomes, { message: 'Choose how the case ended.' }),
        closureNote: z.string().trim().max(5000).optional(),
        issueOutcomes: z.array(z.object({ issueId: id, outcome: z.enum(issueOutcomes) })).default([]),
        /** One for each piece of open work (see caseload.case.openWork). */
        decisions: z.array(closureDecisionInputSchema).max(500).default([]),
        told: closureToldSchema.optional(),
      })
      .strict(),
    referralSchema,
    { audit: changes("the case's closure", { input: 'caseId' }) },
  ),
  'caseload.case.reopen': method(z.object({ caseId: id }).strict(), referralSchema, {
    audit: changes("the case's closure", { input: 'caseId' }),
  }),
  /** The work still open on a case, to settle, carry or cancel before it closes. */
  'caseload.case.openWork': method(z.object({ caseId: id }).strict(), z.array(openWorkItemSchema), {
    audit: reads("the case's open work", { input: 'caseId' }),
  }),
  /** Corrections to the case's saved details, newest first. */
  'caseload.case.history': method(z.object({ caseId: id }).strict(), z.array(correctionSchema), {
    audit: reads("the corrections to the case's details", { input: 'caseId' }),
  }),
  /** Every referral without names, in the import file's columns (the command line's `cases`). */
  'caseload.cases.export': method(z.object({}).strict(), z.array(caseExportRowSchema), {
    audit: exports("the caseload's referrals, without names", null),
  }),
  /**
   * Invented referrals for trying Heard (the command line's `demo-data`); progress arrives as events.
   * The caller must spell out that it means invented records, so nothing makes them by accident.
   */
  'caseload.demoData': method(
    z
      .object({
        confirm: z.literal(DEMO_DATA_CONFIRMATION),
        referrals: z
          .number()
          .int()
          .min(1, 'Make at least one referral.')
          .max(200_000, 'Make at most 200000 referrals.'),
        seed: z.number().int().optional(),
      })
      .strict(),
    z.object({ referrals: z.number().int(), people: z.number().int(), advocates: z.number().int() }),
    { audit: changes('invented referrals for trying Heard', null) },
  ),
  'caseload.import.preview': method(csvInput, importReportSchema, {
    audit: notAudited('checks a file against the store; nothing is saved'),
  }),
  'caseload.import.apply': method(csvInput, importReportSchema.extend({ imported: z.boolean() }), {
    audit: changes('referrals imported from a file', null),
  }),
};
