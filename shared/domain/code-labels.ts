import type {
  AdvocacyType,
  AdvocateRole,
  ClosureOutcome,
  ContactRole,
  Gender,
  IssueCode,
  IssueOutcome,
  IssueStatus,
  PersonKind,
  ReferralSource,
  ReferralStatus,
  ServiceUserType,
  StatusTag,
  Urgency,
} from './codes';

/**
 * The words for every code, in one place: screens, letters, reports and the CSV export all read
 * them from here. Where a report counts people in groups it uses the group's name (plural), kept
 * beside the singular so the two are changed together.
 */
export const issueLabels: Record<IssueCode, string> = {
  FGC: 'Family group conference',
  CP_MEETINGS: 'Child protection meetings',
  PLACEMENT: 'Placement',
  HOUSING: 'Housing',
  SOCIAL_WORKER: 'Social worker',
  EDUCATION: 'Education',
  SUPPORT_AT_MEETINGS: 'Support at meetings',
  PA: 'Personal adviser',
  YOUNG_PARENT: 'Young parent',
  CONTACT: 'Contact with family',
  DISABILITY: 'Disability',
  COMPLAINT: 'Complaint',
  LEAVING_CARE: 'Leaving care',
  HEALTH: 'Health',
  IMMIGRATION: 'Immigration',
  OTHER: 'Other',
};

export const serviceUserTypeLabels: Record<ServiceUserType, string> = {
  CIC: 'Child in care',
  CP: 'Child protection',
  CIN: 'Child in need',
  CL: 'Care leaver',
  FGC: 'Family group conference',
  JA: 'Homeless 16–17 (joint assessment)',
  PARENT: 'Parent',
  OTHER: 'Other',
};
/** A service-user type as the name of a group counted in a report. */
export const serviceUserTypeGroupLabels: Record<ServiceUserType, string> = {
  CIC: 'Children in care',
  CP: 'Child protection',
  CIN: 'Child in need',
  CL: 'Care leavers',
  FGC: 'Family group conference',
  JA: 'Joint housing assessment (16-17)',
  PARENT: 'Parents',
  OTHER: 'Other',
};

export const genderLabels: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  transgender: 'Transgender',
  other: 'Self-described',
  not_known: 'Not known',
};

export const sourceLabels: Record<ReferralSource, string> = {
  social_worker: 'Social worker',
  self: 'Self-referral',
  carer: 'Carer',
  keyworker: 'Keyworker',
  iro: 'IRO',
  parent: 'Parent',
  other: 'Other',
};

export const urgencyLabels: Record<Urgency, string> = { urgent: 'Urgent', high: 'High', standard: 'Standard' };

export const closureOutcomeLabels: Record<ClosureOutcome, string> = {
  all_issues_resolved: 'All issues resolved',
  outstanding_issues: 'Outstanding issues',
  outcome_unknown: 'Outcome unknown',
  lost_contact: 'Lost contact',
  did_not_take_up: 'Did not take up advocacy',
};
/** The closing outcome in the words commissioners' returns use. */
export const closureOutcomeReportLabels: Record<ClosureOutcome, string> = {
  all_issues_resolved: 'Advocacy complete: all issues resolved',
  outstanding_issues: 'Advocacy complete: outstanding issues',
  outcome_unknown: 'Advocacy complete: outcome unknown',
  lost_contact: 'Advocacy incomplete: lost contact',
  did_not_take_up: 'Did not take up advocacy',
};

export const issueOutcomeLabels: Record<IssueOutcome, string> = {
  achieved: 'Achieved',
  partly_achieved: 'Partly achieved',
  not_achieved: 'Not achieved',
  withdrawn: 'Withdrawn',
};

export const issueStatusLabels: Record<IssueStatus, string> = { open: 'Open', resolved: 'Resolved' };
export const statusLabels: Record<ReferralStatus, string> = {
  awaiting_allocation: 'Awaiting allocation',
  open: 'Open',
  closed: 'Closed',
};

export const statusTagLabels: Record<StatusTag, string> = {
  CIC: 'Child in care (CIC)',
  CP: 'Child protection plan (CP)',
  CIN: 'Child in need (CIN)',
  CL: 'Care leaver (CL)',
  FGC: 'Family group conference (FGC)',
  JA: 'Homeless 16–17 (JA)',
  UASC: 'Unaccompanied asylum-seeking child (UASC)',
  SEND: 'Special educational needs (SEND)',
  YOUNG_CARER: 'Young carer',
  IN_CUSTODY: 'In custody',
  DETAINED_MHA: 'Detained under the Mental Health Act',
  CHILDRENS_HOME: 'Lives in a children’s home',
  MISSING_FROM_CARE: 'Has gone missing from care',
  LACKS_CAPACITY: 'May lack capacity (16–17)',
  ADULT_CARE_NEEDS: 'May need care and support as an adult',
};

export const contactRoleLabels: Record<ContactRole, string> = {
  social_worker: 'Social worker',
  iro: 'IRO',
  personal_adviser: 'Personal adviser',
  carer: 'Carer',
  school: 'School',
  other: 'Other',
};

export const advocacyTypeLabels: Record<AdvocacyType, string> = {
  instructed: 'Instructed (they tell us what they want said)',
  non_instructed: 'Non-instructed (they cannot instruct)',
};

export const personKindLabels: Record<PersonKind, string> = { young_person: 'A young person', parent: 'A parent' };
export const advocateRoleLabels: Record<AdvocateRole, string> = { advocate: 'Advocate', manager: 'Manager' };
