import { z } from 'zod';
import { closureOutcomes, genders, issueCodes, issueOutcomes, referralSources, serviceUserTypes, urgencies } from './codes';
import { storedCouncil } from './council-match';
import { isIsoDate } from './dates';

/**
 * The caseload's records as the rest of Heard sees them. A referral becomes a case once it is
 * allocated; the case id everywhere in Heard is the referral's id.
 */
export const isoDateSchema = z.string().refine(isIsoDate, 'Enter a real date.');
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const personKinds = ['young_person', 'parent'] as const;
export const statusTags = ['CIC', 'CP', 'CIN', 'CL', 'FGC', 'JA', 'UASC', 'SEND', 'YOUNG_CARER', 'IN_CUSTODY', 'DETAINED_MHA'] as const;
export type StatusTag = (typeof statusTags)[number];
export const contactRoles = ['social_worker', 'iro', 'personal_adviser', 'carer', 'school', 'other'] as const;
export const advocacyTypes = ['instructed', 'non_instructed'] as const;
export const referralStatuses = ['awaiting_allocation', 'open', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const issueStatuses = ['open', 'resolved'] as const;
export const advocateRoles = ['advocate', 'manager'] as const;

export const keyContactSchema = z.object({
  role: z.enum(contactRoles),
  name: text(200),
  phone: text(50).optional(),
  email: text(200).optional(),
});
export type KeyContact = z.infer<typeof keyContactSchema>;

/** What a form may set on a person. */
export const personFieldsSchema = z.object({
  kind: z.enum(personKinds).optional(),
  firstName: optionalText(200),
  lastName: optionalText(200),
  preferredName: optionalText(200),
  dateOfBirth: isoDateSchema.nullable().optional(),
  gender: z.enum(genders).nullable().optional(),
  genderDescription: optionalText(200),
  pronouns: optionalText(100),
  firstLanguage: optionalText(100),
  interpreterNeeded: z.boolean().nullable().optional(),
  interpreterLanguage: optionalText(100),
  communicationNeeds: optionalText(2000),
  disability: optionalText(2000),
  statusTags: z.array(z.enum(statusTags)).optional(),
  /** The council's ONS code; words naming exactly one council are kept as its code. */
  localAuthority: text(200)
    .nullable()
    .transform((v) => (v ? storedCouncil(v) : v))
    .optional(),
  placementType: optionalText(200),
  placementInArea: z.boolean().nullable().optional(),
  placementAddress: optionalText(1000),
  keyContacts: z.array(keyContactSchema).max(50).optional(),
});
export type PersonFields = z.infer<typeof personFieldsSchema>;

export const personSchema = personFieldsSchema.extend({
  id: z.string(),
  personReference: z.string().nullable(),
  kind: z.enum(personKinds),
  statusTags: z.array(z.enum(statusTags)),
  keyContacts: z.array(keyContactSchema),
});
export type Person = z.infer<typeof personSchema>;

export const issueInputSchema = z.object({
  code: z.enum(issueCodes),
  description: optionalText(5000),
  wantedOutcome: optionalText(5000),
});
export type IssueInput = z.infer<typeof issueInputSchema>;

export const issueSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  code: z.enum(issueCodes),
  description: z.string().nullable(),
  wantedOutcome: z.string().nullable(),
  status: z.enum(issueStatuses),
  outcome: z.enum(issueOutcomes).nullable(),
  outcomeNote: z.string().nullable(),
});
export type Issue = z.infer<typeof issueSchema>;

/** What a form may set on a referral at intake or afterwards. */
export const referralFieldsSchema = z.object({
  referralDate: isoDateSchema.optional(),
  source: z.enum(referralSources).nullable().optional(),
  referrer: optionalText(300),
  referrerContact: optionalText(300),
  serviceUserType: z.enum(serviceUserTypes).optional(),
  urgency: z.enum(urgencies).optional(),
  urgencyReason: optionalText(2000),
  advocacyType: z.enum(advocacyTypes).optional(),
  consentExplainedOn: isoDateSchema.nullable().optional(),
  consentExplainedHow: optionalText(2000),
  confidentialityExplained: z.boolean().nullable().optional(),
  request: optionalText(5000),
});
export type ReferralFields = z.infer<typeof referralFieldsSchema>;

export const advocateSchema = z.object({ id: z.string(), name: z.string(), role: z.enum(advocateRoles) });
export type Advocate = z.infer<typeof advocateSchema>;

/** A referral, which is the case once allocated. */
export const referralSchema = z.object({
  id: z.string(),
  reference: z.string(),
  personId: z.string().nullable(),
  referralDate: z.string().nullable(),
  source: z.enum(referralSources).nullable(),
  referrer: z.string().nullable(),
  referrerContact: z.string().nullable(),
  serviceUserType: z.enum(serviceUserTypes).nullable(),
  urgency: z.enum(urgencies),
  urgencyReason: z.string().nullable(),
  advocacyType: z.enum(advocacyTypes),
  consentExplainedOn: z.string().nullable(),
  consentExplainedHow: z.string().nullable(),
  confidentialityExplained: z.boolean().nullable(),
  request: z.string().nullable(),
  status: z.enum(referralStatuses),
  allocatedTo: z.string().nullable(),
  allocationDate: z.string().nullable(),
  daysToAllocation: z.number().int().nullable(),
  closureDate: z.string().nullable(),
  closureOutcome: z.enum(closureOutcomes).nullable(),
  closureNote: z.string().nullable(),
});
export type Referral = z.infer<typeof referralSchema>;
/** The same record, named for what it is once allocated. */
export type Case = Referral;

/** One line of the caseload, triage queue or search results. */
export const caseRowSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  displayName: z.string(),
  dateOfBirth: z.string().nullable(),
  serviceUserType: z.enum(serviceUserTypes).nullable(),
  localAuthority: z.string().nullable(),
  urgency: z.enum(urgencies),
  status: z.enum(referralStatuses),
  referralDate: z.string().nullable(),
  advocateName: z.string().nullable(),
  issueCodes: z.array(z.enum(issueCodes)),
  /** The next meeting or deadline, when a feature that keeps them knows of one. */
  next: z.object({ date: z.string(), label: z.string() }).nullable(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

/** Shown name: the name the young person chose, else their legal name. */
export function displayName(p: { preferredName?: string | null; firstName?: string | null; lastName?: string | null }): string {
  const legal = [p.firstName, p.lastName].filter((s) => s && s.trim()).join(' ');
  return p.preferredName?.trim() || legal || 'Name not recorded';
}
