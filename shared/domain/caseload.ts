import { z } from 'zod';
import { issueCodes, referralStatuses, serviceUserTypes, urgencies } from './codes';
import { advocateRecord, issueRecord, personRecord, referralRecord } from './records/caseload-records';
import { fieldsSchema, recordSchema, type FieldsOf, type RecordOf } from './records/define';

/**
 * The caseload's records as the rest of Heard sees them. A referral becomes a case once it is
 * allocated; the case id everywhere in Heard is the referral's id.
 */
export { isoDateSchema } from './records/define';
export { keyContactSchema, type KeyContact } from './records/caseload-records';
export {
  personKinds,
  statusTags,
  contactRoles,
  advocacyTypes,
  referralStatuses,
  issueStatuses,
  advocateRoles,
} from './codes';
export type { StatusTag, ReferralStatus } from './codes';

/** What a form may set on a person. */
export const personFieldsSchema = fieldsSchema(personRecord);
export type PersonFields = FieldsOf<typeof personRecord.fields>;
export const personSchema = recordSchema(personRecord);
export type Person = RecordOf<typeof personRecord.fields>;

/** What a form may set on a referral at intake or afterwards. */
export const referralFieldsSchema = fieldsSchema(referralRecord);
export type ReferralFields = FieldsOf<typeof referralRecord.fields>;
/** A referral, which is the case once allocated. */
export const referralSchema = recordSchema(referralRecord);
export type Referral = RecordOf<typeof referralRecord.fields>;
/** The same record, named for what it is once allocated. */
export type Case = Referral;

/** A new issue: its theme is needed. */
export const issueInputSchema = fieldsSchema(issueRecord).required({ code: true });
export type IssueInput = z.infer<typeof issueInputSchema>;
export const issueSchema = recordSchema(issueRecord);
export type Issue = RecordOf<typeof issueRecord.fields>;

export const advocateSchema = recordSchema(advocateRecord);
export type Advocate = RecordOf<typeof advocateRecord.fields>;

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
export function displayName(p: {
  preferredName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}): string {
  const legal = [p.firstName, p.lastName].filter((s) => s && s.trim()).join(' ');
  return p.preferredName?.trim() || legal || 'Name not recorded';
}
