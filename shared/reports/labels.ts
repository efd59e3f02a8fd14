import type { ClosureOutcome, Gender, IssueCode, ReferralSource, ServiceUserType } from '../domain/codes';
import type { ReportAgeBand } from './age';
import { councilName } from '../domain/councils';

/** Words for the codes, as a commissioner reads them in tables, charts and CSV. */
export const serviceUserTypeLabels: Record<ServiceUserType | 'not_known', string> = {
  CIC: 'Children in care',
  CP: 'Child protection',
  CIN: 'Child in need',
  CL: 'Care leavers',
  FGC: 'Family group conference',
  JA: 'Joint housing assessment (16-17)',
  PARENT: 'Parents',
  OTHER: 'Other',
  not_known: 'Not recorded',
};

export const issueLabels: Record<IssueCode, string> = {
  FGC: 'Family group conference',
  CP_MEETINGS: 'CP meetings',
  PLACEMENT: 'Placement',
  HOUSING: 'Housing/homelessness',
  SOCIAL_WORKER: 'Social worker',
  EDUCATION: 'Education',
  SUPPORT_AT_MEETINGS: 'Support at meetings',
  PA: 'Personal adviser',
  YOUNG_PARENT: 'Young parent',
  CONTACT: 'Contact',
  DISABILITY: 'Disability',
  COMPLAINT: 'Complaint',
  LEAVING_CARE: 'Leaving care',
  HEALTH: 'Health',
  IMMIGRATION: 'Immigration',
  OTHER: 'Other',
};

export const genderLabels: Record<Gender | 'not_known', string> = {
  female: 'Female',
  male: 'Male',
  non_binary: 'Non-binary',
  transgender: 'Transgender',
  other: 'Other',
  not_known: 'Not known',
};

export const sourceLabels: Record<ReferralSource | 'not_known', string> = {
  social_worker: 'Social worker',
  self: 'Self-referral',
  carer: 'Carer',
  keyworker: 'Keyworker',
  iro: 'IRO',
  parent: 'Parent',
  other: 'Other',
  not_known: 'Not known',
};

export const ageBandLabels: Record<ReportAgeBand, string> = {
  '0-10': '0-10 years',
  '11-15': '11-15 years',
  '16-17': '16-17 years',
  '18-21': '18-21 years',
  '22-25': '22-25 years',
  '26+': '26 and over',
  not_known: 'Date of birth not known',
};

export const outcomeLabels: Record<ClosureOutcome | 'not_recorded', string> = {
  all_issues_resolved: 'Advocacy complete: all issues resolved',
  outstanding_issues: 'Advocacy complete: outstanding issues',
  outcome_unknown: 'Advocacy complete: outcome unknown',
  lost_contact: 'Advocacy incomplete: lost contact',
  did_not_take_up: 'Did not take up advocacy',
  not_recorded: 'Outcome not recorded',
};

/** A council's name for its code; words never matched to a council are shown as they were typed. */
export const localAuthorityLabel = (key: string): string => (key === 'not_known' ? 'Not recorded' : councilName(key));
