import type { IssueCode } from './codes';

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
