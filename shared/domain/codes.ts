/**
 * The codes used across the caseload, CSV import, reports and sync. One list each, so the import
 * format, the report keys and the forms can never disagree.
 */
export const serviceUserTypes = ['CIC', 'CP', 'CIN', 'CL', 'FGC', 'JA', 'PARENT', 'OTHER'] as const;
export type ServiceUserType = (typeof serviceUserTypes)[number];

export const issueCodes = [
  'FGC',
  'CP_MEETINGS',
  'PLACEMENT',
  'HOUSING',
  'SOCIAL_WORKER',
  'EDUCATION',
  'SUPPORT_AT_MEETINGS',
  'PA',
  'YOUNG_PARENT',
  'CONTACT',
  'DISABILITY',
  'COMPLAINT',
  'LEAVING_CARE',
  'HEALTH',
  'IMMIGRATION',
  'OTHER',
] as const;
export type IssueCode = (typeof issueCodes)[number];

export const genders = ['female', 'male', 'non_binary', 'transgender', 'other', 'not_known'] as const;
export type Gender = (typeof genders)[number];

export const referralSources = ['social_worker', 'self', 'carer', 'keyworker', 'iro', 'parent', 'other'] as const;
export type ReferralSource = (typeof referralSources)[number];

export const urgencies = ['urgent', 'high', 'standard'] as const;
export type Urgency = (typeof urgencies)[number];

export const closureOutcomes = [
  'all_issues_resolved',
  'outstanding_issues',
  'outcome_unknown',
  'lost_contact',
  'did_not_take_up',
] as const;
export type ClosureOutcome = (typeof closureOutcomes)[number];

export const issueOutcomes = ['achieved', 'partly_achieved', 'not_achieved', 'withdrawn'] as const;
export type IssueOutcome = (typeof issueOutcomes)[number];

/** Age bands for reports: age on the referral date. */
export const ageBands = ['0-10', '11-15', '16-17', '18-21', '22-25', '26+'] as const;
export type AgeBand = (typeof ageBands)[number];

export const personKinds = ['young_person', 'parent'] as const;
export type PersonKind = (typeof personKinds)[number];
export const statusTags = [
  'CIC',
  'CP',
  'CIN',
  'CL',
  'FGC',
  'JA',
  'UASC',
  'SEND',
  'YOUNG_CARER',
  'IN_CUSTODY',
  'DETAINED_MHA',
  'CHILDRENS_HOME',
  'MISSING_FROM_CARE',
  'LACKS_CAPACITY',
  'ADULT_CARE_NEEDS',
] as const;
export type StatusTag = (typeof statusTags)[number];
export const contactRoles = ['social_worker', 'iro', 'personal_adviser', 'carer', 'school', 'other'] as const;
export type ContactRole = (typeof contactRoles)[number];
export const advocacyTypes = ['instructed', 'non_instructed'] as const;
export type AdvocacyType = (typeof advocacyTypes)[number];
export const referralStatuses = ['awaiting_allocation', 'open', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];
export const issueStatuses = ['open', 'resolved'] as const;
export type IssueStatus = (typeof issueStatuses)[number];
export const advocateRoles = ['advocate', 'manager'] as const;
export type AdvocateRole = (typeof advocateRoles)[number];
