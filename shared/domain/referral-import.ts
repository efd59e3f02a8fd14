import { parseCsv, CsvSyntaxError } from '../csv/rfc4180';
import type { IssueCode, ServiceUserType } from './codes';
import { matchCouncil } from './council-match';
import { matchCode } from './equality';
import { readDate, type DateProblemCode } from './date-text';
import { issueWords, wordsForColumn, type ColumnWords } from './import-words';
import { personRecord, referralRecord } from './records/caseload-records';
import type { FieldSpec, ImportedOf, RecordDef } from './records/define';

/**
 * The referral spreadsheet format: UTF-8, header row, any column order, saved as UK offices save
 * spreadsheets (dates as dd/mm/yyyy or ISO, the words the app shows where a code is expected,
 * councils by name or ONS code). This checks a whole file and lists every problem by row, column
 * and reason; it never repeats a cell's contents, because
 * cells hold children's details. Rows are numbered as a spreadsheet shows them (the header is
 * row 1). The person's and the referral's columns come from their definitions (`importColumn`);
 * only the reference, the issues and the advocate's name are read here by hand.
 */
interface Imported {
  key: string;
  column: string;
  spec: FieldSpec;
}
const importable = (def: RecordDef): Imported[] =>
  Object.entries(def.fields).flatMap(([key, spec]) =>
    spec.importColumn ? [{ key, column: spec.importColumn, spec }] : [],
  );
const personImports = importable(personRecord);
const referralImports = importable(referralRecord);

export const importColumns: readonly string[] = [
  'reference',
  ...personImports.map((i) => i.column),
  ...referralImports.map((i) => i.column),
  'issues',
  'allocated_to',
];
export type ImportColumn = string;
const requiredColumns: ImportColumn[] = ['reference', 'referral_date', 'service_user_type'];

export type ImportRow = {
  row: number;
  reference: string;
  issues: IssueCode[];
  allocatedTo?: string;
  referralDate: string;
  serviceUserType: ServiceUserType;
} & ImportedOf<typeof personRecord.fields> &
  Omit<ImportedOf<typeof referralRecord.fields>, 'referralDate' | 'serviceUserType'>;

/** The values a row gives for one record's fields, by field name (cells left empty are absent). */
export function importedFields(def: RecordDef, row: ImportRow): Record<string, unknown> {
  const r = row as unknown as Record<string, unknown>;
  return Object.fromEntries(importable(def).flatMap((i) => (r[i.key] === undefined ? [] : [[i.key, r[i.key]]])));
}

export interface ImportProblem {
  row: number;
  column: string;
  reason: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** Why a date cell was refused, in words that do not repeat the cell. */
const dateReasons: Record<DateProblemCode, string> = {
  unrecognised: 'This is not a date Heard can read. Use dd/mm/yyyy (for example 07/03/2026) or YYYY-MM-DD.',
  no_such_day: 'This day does not exist in that month (as with 31/02). Check the day and the month.',
  no_such_month: 'The month is not between 1 and 12. Put the day first, then the month: dd/mm/yyyy.',
  month_first: 'This looks like a US-style date with the month first. Put the day first: dd/mm/yyyy.',
  year_range: 'The year must be between 1900 and 2100.',
  rule: 'This date is not allowed here.',
};
const ordinal = (n: number) => (n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`);

export function parseReferralCsv(text: string, today: string): ParsedImport {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return { rows: [], problems: [{ row: e.line, column: '', reason: `The file is not valid CSV: ${e.message}` }] };
    throw e;
  }
  const problems: ImportProblem[] = [];
  const header = records[0];
  if (!header)
    return {
      rows: [],
      problems: [{ row: 1, column: '', reason: 'The file is empty. It needs a header row and at least one referral.' }],
    };
  const index = new Map<ImportColumn, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const known = importColumns.find((c) => c === name);
    if (!known)
      problems.push({ row: 1, column: raw.trim() || `column ${i + 1}`, reason: 'This is not a known column name.' });
    else if (index.has(known)) problems.push({ row: 1, column: known, reason: 'This column appears twice.' });
    else index.set(known, i);
  });
  for (const c of requiredColumns)
    if (!index.has(c)) problems.push({ row: 1, column: c, reason: 'This column is required but missing.' });
  if (records.length === 1)
    problems.push({ row: 1, column: '', reason: 'The file has a header row but no referrals.' });
  if (problems.length > 0 && problems.some((p) => p.row === 1)) return { rows: [], problems };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const row = i + 2;
    const add = (column: string, reason: string) => problems.push({ row, column, reason });
    if (rec.fields.length !== header.fields.length) {
      add(
        '',
        `This row has ${rec.fields.length} cells but the header has ${header.fields.length}. Check for a missing or extra comma.`,
      );
      return;
    }
    const cell = (c: ImportColumn): string => {
      const at = index.get(c);
      return at === undefined ? '' : rec.fields[at]!.trim();
    };
    const date = (c: ImportColumn): string | undefined => {
      const v = cell(c);
      if (!v) return undefined;
      const read = readDate(v, today);
      if (!read.ok) add(c, dateReasons[read.code]);
      return read.ok ? read.iso : undefined;
    };
    const code = (c: ImportColumn, words: ColumnWords): string | undefined => {
      const v = cell(c);
      if (!v) return undefined;
      const found = words.read(v);
      if (!found) add(c, `This is not one of the words or codes Heard knows here. Use one of: ${words.describe()}.`);
      return found;
    };
    const council = (c: ImportColumn): string | undefined => {
      const m = matchCouncil(cell(c));
      if (m.kind === 'match') return m.council.code;
      if (m.kind === 'ambiguous') {
        add(
          c,
          `This name covers more than one council: ${m.candidates.map((x) => x.name).join(', ')}. Use the council's own name or its ONS code.`,
        );
      } else if (m.kind === 'none') {
        const close =
          m.suggestions.length > 0
            ? ` Did you mean ${m.suggestions
                .slice(0, 3)
                .map((x) => x.name)
                .join(' or ')}?`
            : '';
        add(
          c,
          `This is not a council Heard knows. Use the council's name (for example Lancashire) or its ONS code (for example E10000017).${close}`,
        );
      }
      return undefined;
    };

    const read = (i: Imported): unknown => {
      const v = cell(i.column);
      if (i.spec.list === 'council') return council(i.column);
      switch (i.spec.kind) {
        case 'date':
          return date(i.column);
        case 'code': {
          const choices = i.spec.choices ?? {};
          // The equality codes also have the other wordings councils' returns use ("Asian - Indian").
          return (
            (v ? matchCode(Object.keys(choices), choices, v) : undefined) ??
            code(i.column, wordsForColumn(i.column, choices))
          );
        }
        case 'yesNo':
          if (!v) return undefined;
          if (/^(yes|y|true|1)$/i.test(v)) return true;
          if (/^(no|n|false|0)$/i.test(v)) return false;
          // A yes/no asked as a choice also takes its answers' words or codes ("Out of area", "out_of_area").
          if (i.spec.answers) {
            const answer = matchCode(['yes', 'no'] as const, i.spec.answers, v);
            if (answer) return answer === 'yes';
            add(
              i.column,
              `Write ${i.spec.answers.yes.toLowerCase()} or ${i.spec.answers.no.toLowerCase()} (or yes or no).`,
            );
            return undefined;
          }
          add(i.column, 'Write yes or no.');
          return undefined;
        case 'integer':
          if (!v) return undefined;
          if (!/^-?\d+$/.test(v)) add(i.column, 'This is not a whole number.');
          return /^-?\d+$/.test(v) ? Number(v) : undefined;
        default:
          return v || undefined;
      }
    };

    const reference = cell('reference');
    if (!reference) add('reference', 'Every referral needs a reference.');
    else if (seen.has(reference))
      add('reference', `This reference is also used on row ${seen.get(reference)}; each referral needs its own.`);
    else seen.set(reference, row);

    // Every defined column, read and checked by its kind.
    const values: Record<string, unknown> = {};
    for (const i of [...personImports, ...referralImports]) values[i.key] = read(i);
    const referralDate = values.referralDate as string | undefined;
    const serviceUserType = values.serviceUserType as ServiceUserType | undefined;
    if (!cell('referral_date')) add('referral_date', 'Every referral needs a referral date.');
    else if (referralDate && referralDate > today) add('referral_date', 'The referral date is in the future.');
    const dateOfBirth = values.dateOfBirth as string | undefined;
    if (dateOfBirth && dateOfBirth > today) add('date_of_birth', 'The date of birth is in the future.');
    else if (dateOfBirth && referralDate && dateOfBirth > referralDate)
      add('date_of_birth', 'The date of birth is after the referral date.');
    if (!cell('service_user_type')) add('service_user_type', 'Every referral needs a service-user type.');

    const issues: IssueCode[] = [];
    cell('issues')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .forEach((s, n) => {
        const found = issueWords.read(s) as IssueCode | undefined;
        if (!found)
          add(
            'issues',
            `The ${ordinal(n + 1)} issue is not one Heard knows. Use these words or codes, separated by semicolons: ${issueWords.describe()}.`,
          );
        else if (!issues.includes(found)) issues.push(found);
      });

    const allocatedTo = cell('allocated_to') || undefined;
    const allocationDate = values.allocationDate as string | undefined;
    if (allocationDate && referralDate && allocationDate < referralDate)
      add('allocation_date', 'The allocation date is before the referral date.');
    if (allocationDate && !allocatedTo) add('allocated_to', 'An allocation date is given but no advocate.');
    const closureDate = values.closureDate as string | undefined;
    if (closureDate && referralDate && closureDate < referralDate)
      add('closure_date', 'The closure date is before the referral date.');
    if (closureDate && closureDate > today) add('closure_date', 'The closure date is in the future.');
    if (closureDate && !cell('closure_outcome'))
      add(
        'closure_outcome',
        `The referral is closed but has no closure outcome. Use one of: ${wordsForColumn('closure_outcome', referralRecord.fields.closureOutcome.choices ?? {}).describe()}.`,
      );
    if (cell('closure_outcome') && !cell('closure_date'))
      add('closure_date', 'A closure outcome is given but no closure date.');

    if (reference && referralDate && serviceUserType)
      rows.push(strip({ ...values, row, reference, issues, allocatedTo, referralDate, serviceUserType } as ImportRow));
  });
  return { rows: problems.length > 0 ? [] : rows, problems: problems.sort((a, b) => a.row - b.row) };
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
