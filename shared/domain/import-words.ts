import { closureOutcomeReportLabels, issueLabels, serviceUserTypeGroupLabels } from './code-labels';
import { issueCodes } from './codes';

/**
 * What a spreadsheet cell may hold for a coded column: the code itself or the words Heard shows
 * for it (on the case screens and, for groups, in the report), in any case, with spaces or
 * underscores. An office that typed "Child in care" or "Social worker" need not learn the codes.
 */
export interface ColumnWords {
  read(cell: string): string | undefined;
  /** How to describe the accepted values in a problem report: "Child in care (CIC), ...". */
  describe(): string;
}

const wordKey = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐-―]/g, '-')
    .replace(/[_\s]+/g, ' ')
    .trim();

export function columnWords(
  shown: Readonly<Record<string, string>>,
  ...more: Array<Readonly<Record<string, string>>>
): ColumnWords {
  const codes = Object.keys(shown);
  const words = new Map<string, string>();
  const clashing = new Set<string>();
  const add = (word: string, code: string) => {
    const k = wordKey(word);
    const had = words.get(k);
    // A word that would mean two codes in one column is not accepted at all: no guessing.
    if (had !== undefined && had !== code) clashing.add(k);
    else words.set(k, code);
  };
  for (const code of codes) {
    add(code, code);
    add(shown[code]!, code);
    for (const labels of more) if (labels[code]) add(labels[code], code);
  }
  for (const k of clashing) words.delete(k);
  return {
    read: (cell) => words.get(wordKey(cell)),
    describe: () =>
      codes.map((c) => (wordKey(shown[c]!) === wordKey(c) ? shown[c]! : `${shown[c]!} (${c})`)).join(', '),
  };
}

/** Words a report uses for a column's groups, also accepted (a spreadsheet may have been made from a report). */
const reportWords: Record<string, Readonly<Record<string, string>>> = {
  service_user_type: serviceUserTypeGroupLabels,
  closure_outcome: closureOutcomeReportLabels,
};

const cache = new Map<string, ColumnWords>();
/** The words accepted in a coded column whose choices (code to words) come from its field's definition. */
export function wordsForColumn(column: string, choices: Readonly<Record<string, string>>): ColumnWords {
  let w = cache.get(column);
  if (!w) {
    w = columnWords(choices, ...(reportWords[column] ? [reportWords[column]] : []));
    cache.set(column, w);
  }
  return w;
}

export const issueWords = columnWords(Object.fromEntries(issueCodes.map((c) => [c, issueLabels[c]])));
