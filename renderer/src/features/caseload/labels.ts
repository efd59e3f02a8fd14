import type { urgencies } from '../../../../shared/domain/codes';

/** The words for every code live in shared/, so screens, letters and reports say the same. */
export {
  closureOutcomeLabels,
  genderLabels,
  issueLabels,
  issueOutcomeLabels,
  serviceUserTypeLabels,
  sourceLabels,
  statusLabels,
  statusTagLabels,
  urgencyLabels,
} from '../../../../shared/domain/code-labels';

// A deep orange for "high": Mantine's orange under white text falls below WCAG AA contrast.
export const urgencyColors: Record<(typeof urgencies)[number], string> = {
  urgent: 'red',
  high: '#9a3412',
  standard: 'gray',
};

/** Options for Mantine Select/MultiSelect from a label map. */
export const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
