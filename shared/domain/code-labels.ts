import type { closureOutcomes, genders, IssueCode, referralSources, serviceUserTypes, urgencies } from './codes';

/** The words an advocate sees for each issue code, on screens and in letters. */
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

/** Words for the codes, as advocates say them (on screens, and accepted by the spreadsheet import). */
export const serviceUserTypeLabels: Record<(typeof serviceUserTypes)[number], string> = {
  CIC: 'Child in care',
  CP: 'Child protection',
  CIN: 'Child in need',
  CL: 'Care leaver',
  FGC: 'Family group conference',
  JA: 'Homeless 16–17 (joint assessment)',
  PARENT: 'Parent',
  OTHER: 'Other',
};
export const genderLabels: Record<(typeof genders)[number], string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  transgender: 'Transgender',
  other: 'Self-described',
  not_known: 'Not known',
};
export const sourceLabels: Record<(typeof referralSources)[number], string> = {
  social_worker: 'Social worker',
  self: 'Self-referral',
  carer: 'Carer',
  keyworker: 'Keyworker',
  iro: 'IRO',
  parent: 'Parent',
  other: 'Other',
};
export const urgencyLabels: Record<(typeof urgencies)[number], string> = { urgent: 'Urgent', high: 'High', standard: 'Standard' };
export const closureOutcomeLabels: Record<(typeof closureOutcomes)[number], string> = {
  all_issues_resolved: 'All issues resolved',
  outstanding_issues: 'Outstanding issues',
  outcome_unknown: 'Outcome unknown',
  lost_contact: 'Lost contact',
  did_not_take_up: 'Did not take up advocacy',
};
