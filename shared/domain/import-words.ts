import {
  closureOutcomeLabels, genderLabels, issueLabels, serviceUserTypeLabels, sourceLabels, urgencyLabels,
} from './code-labels';
import { closureOutcomes, genders, issueCodes, referralSources, serviceUserTypes, urgencies } from './codes';
import {
  genderLabels as reportGenderLabels, issueLabels as reportIssueLabels, outcomeLabels as reportOutcomeLabels,
  serviceUserTypeLabels as reportServiceUserTypeLabels, sourceLabels as reportSourceLabels,
} from '../reports/labels';

/**
 * What a spreadsheet cell may hold for a coded column: the code itself or the words Heard shows
 * for it (on the case screens and in the report), in any case, with spaces or underscores. An
 * office that typed "Child in care" or "Social worker" into a spreadsheet need not learn the codes.
 */
export interface ColumnWords<T extends string> {
  read(cell: string): T | undefined;
  /** How to describe the accepted values in a problem report: "Child in care (CIC), ...". */
  describe(): string;
}

const wordKey = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[‐-―]/g, '-').replace(/[_\s]+/g, ' ').trim();

export function columnWords<T extends string>(codes: readonly T[], shown: Record<T, string>, ...more: Array<Partial<Record<string, string>>>): ColumnWords<T> {
  const words = new Map<string, T>();
  const clashing = new Set<string>();
  const add = (word: string, code: T) => {
    const k = wordKey(word);
    const had = words.get(k);
    // A word that would mean two codes in one column is not accepted at all: no guessing.
    if (had !== undefined && had !== code) clashing.add(k);
    else words.set(k, code);
  };
  for (const code of codes) {
    add(code, code);
    add(shown[code], code);
    for (const labels of more) {
      const word = labels[code];
      if (word) add(word, code);
    }
  }
  for (const k of clashing) words.delete(k);
  return {
    read: (cell) => words.get(wordKey(cell)),
    describe: () => codes.map((c) => (wordKey(shown[c]) === wordKey(c) ? shown[c] : `${shown[c]} (${c})`)).join(', '),
  };
}

export const importWords = {
  service_user_type: columnWords(serviceUserTypes, serviceUserTypeLabels, reportServiceUserTypeLabels),
  gender: columnWords(genders, genderLabels, reportGenderLabels),
  referral_source: columnWords(referralSources, sourceLabels, reportSourceLabels),
  urgency: columnWords(urgencies, urgencyLabels),
  closure_outcome: columnWords(closureOutcomes, closureOutcomeLabels, reportOutcomeLabels),
  issues: columnWords(issueCodes, issueLabels, reportIssueLabels),
};
