import type { AdvocacyType, ClosureOutcome, Gender, IssueCode, ReferralSource, ServiceUserType } from '../domain/codes';
import {
  closureOutcomeReportLabels,
  genderLabels as genderWords,
  issueLabels as issueWords,
  serviceUserTypeGroupLabels,
  sourceLabels as sourceWords,
} from '../domain/code-labels';
import type { ReportAgeBand } from './age';
import { councilName } from '../domain/councils';

/**
 * Words for the codes as a commissioner reads them in tables, charts and CSV: the same words as
 * everywhere in Heard (shared/domain/code-labels.ts), with a word for "not recorded".
 */
export const serviceUserTypeLabels: Record<ServiceUserType | 'not_known', string> = {
  ...serviceUserTypeGroupLabels,
  not_known: 'Not recorded',
};
export const issueLabels: Record<IssueCode, string> = issueWords;
export const genderLabels: Record<Gender | 'not_known', string> = genderWords;
export const sourceLabels: Record<ReferralSource | 'not_known', string> = { ...sourceWords, not_known: 'Not known' };

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
  ...closureOutcomeReportLabels,
  not_recorded: 'Outcome not recorded',
};

/** A council's name for its code; words never matched to a council are shown as they were typed. */
export const localAuthorityLabel = (key: string): string => (key === 'not_known' ? 'Not recorded' : councilName(key));

/** Shorter than the form's words (which explain each), as a table row reads. */
export const advocacyTypeReportLabels: Record<AdvocacyType, string> = {
  instructed: 'Instructed',
  non_instructed: 'Non-instructed',
};
