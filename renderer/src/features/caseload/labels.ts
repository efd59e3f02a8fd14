import { issueOutcomes, urgencies } from '../../../../shared/domain/codes';
import { statusTags, referralStatuses } from '../../../../shared/domain/caseload';

/** The words for codes live in shared/ so core, the import and the screens use the same ones. */
export {
  closureOutcomeLabels, genderLabels, issueLabels, serviceUserTypeLabels, sourceLabels, urgencyLabels,
} from '../../../../shared/domain/code-labels';
// A deep orange for "high": Mantine's orange under white text falls below WCAG AA contrast.
export const urgencyColors: Record<(typeof urgencies)[number], string> = { urgent: 'red', high: '#9a3412', standard: 'gray' };
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
};

/** Options for Mantine Select/MultiSelect from a label map. */
export const optionsOf = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
