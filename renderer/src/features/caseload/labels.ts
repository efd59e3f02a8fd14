import { closureOutcomes, genders, issueOutcomes, referralSources, serviceUserTypes, urgencies } from '../../../../shared/domain/codes';
import { statusTags, referralStatuses } from '../../../../shared/domain/caseload';

/** Words for the codes, as advocates say them. */
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
/** Issue labels live in shared/ so core (e.g. field work's issue links) uses the same words. */
export { issueLabels } from '../../../../shared/domain/code-labels';
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
// A deep orange for "high": Mantine's orange under white text falls below WCAG AA contrast.
export const urgencyColors: Record<(typeof urgencies)[number], string> = { urgent: 'red', high: '#9a3412', standard: 'gray' };
export const closureOutcomeLabels: Record<(typeof closureOutcomes)[number], string> = {
  all_issues_resolved: 'All issues resolved',
  outstanding_issues: 'Outstanding issues',
  outcome_unknown: 'Outcome unknown',
  lost_contact: 'Lost contact',
  did_not_take_up: 'Did not take up advocacy',
};
export const issueOutcomeLabels: Record<(typeof issueOutcomes)[number], string> = {
  achieved: 'Achieved',
  partly_achieved: 'Partly achieved',
  not_achieved: 'Not achieved',
  withdrawn: 'Withdrawn',
};
export const statusLabels: Record<(typeof referralStatuses)[number], string> = { awaiting_allocation: 'Awaiting allocation', open: 'Open', closed: 'Closed' };
export const statusTagLabels: Record<(typeof statusTags)[number], string> = {
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

/** Options for Mantine Select/MultiSelect from a label map. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
