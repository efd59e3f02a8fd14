import { parseCsv, CsvSyntaxError } from '../csv/rfc4180';
import type { ClosureOutcome, Gender, IssueCode, ReferralSource, ServiceUserType, Urgency } from './codes';
import { matchCouncil } from './council-match';
import { readDate, type DateProblemCode } from './date-text';
import { importWords, type ColumnWords } from './import-words';

/**
 * The referral spreadsheet format: UTF-8, header row, any column order, saved as UK offices save
 * spreadsheets (dates as dd/mm/yyyy or ISO, the words the app shows where a code is expected,
 * councils by name or ONS code). This checks a whole file and lists every problem by row, column
 * and reason; it never repeats a cell's contents, because cells hold children's details. Rows are
 * numbered as a spreadsheet shows them (the header is row 1).
 */
export const importColumns = [
  'reference', 'person_reference', 'first_name', 'last_name', 'preferred_name', 'date_of_birth', 'gender', 'service_user_type',
  'local_authority', 'referral_date', 'referral_source', 'issues', 'urgency', 'allocated_to', 'allocation_date', 'closure_date', 'closure_outcome',
] as const;
export type ImportColumn = (typeof importColumns)[number];
const requiredColumns: ImportColumn[] = ['reference', 'referral_date', 'service_user_type'];

export interface ImportRow {
  row: number;
  reference: string;
  personReference?: string;
  firstName?: string;
  lastName?: string;
  preferredName?: string;
  dateOfBirth?: string;
  gender?: Gender;
  serviceUserType: ServiceUserType;
  /** The council's ONS code (or the code of a nation, or OTHER). */
  localAuthority?: string;
  referralDate: string;
  referralSource?: ReferralSource;
  issues: IssueCode[];
  urgency?: Urgency;
  allocatedTo?: string;
  allocationDate?: string;
  closureDate?: string;
  closureOutcome?: ClosureOutcome;
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
    if (e instanceof CsvSyntaxError) return { rows: [], problems: [{ row: e.line, column: '', reason: `The file is not valid CSV: ${e.message}` }] };
    throw e;
  }
  const problems: ImportProblem[] = [];
  const header = records[0];
  if (!header) return { rows: [], problems: [{ row: 1, column: '', reason: 'The file is empty. It needs a header row and at least one referral.' }] };
  const index = new Map<ImportColumn, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const known = importColumns.find((c) => c === name);
    if (!known) problems.push({ row: 1, column: raw.trim() || `column ${i + 1}`, reason: 'This is not a known column name.' });
    else if (index.has(known)) problems.push({ row: 1, column: known, reason: 'This column appears twice.' });
    else index.set(known, i);
  });
  for (const c of requiredColumns) if (!index.has(c)) problems.push({ row: 1, column: c, reason: 'This column is required but missing.' });
  if (records.length === 1) problems.push({ row: 1, column: '', reason: 'The file has a header row but no referrals.' });
  if (problems.length > 0 && problems.some((p) => p.row === 1)) return { rows: [], problems };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const row = i + 2;
    const add = (column: string, reason: string) => problems.push({ row, column, reason });
    if (rec.fields.length !== header.fields.length) {
      add('', `This row has ${rec.fields.length} cells but the header has ${header.fields.length}. Check for a missing or extra comma.`);
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
    const code = <T extends string>(c: ImportColumn, words: ColumnWords<T>): T | undefined => {
      const v = cell(c);
      if (!v) return undefined;
      const found = words.read(v);
      if (!found) add(c, `This is not one of the words or codes Heard knows here. Use one of: ${words.describe()}.`);
      return found;
    };
    const council = (): string | undefined => {
      const m = matchCouncil(cell('local_authority'));
      if (m.kind === 'match') return m.council.code;
      if (m.kind === 'ambiguous') {
        add('local_authority', `This name covers more than one council: ${m.candidates.map((x) => x.name).join(', ')}. Use the council's own name or its ONS code.`);
      } else if (m.kind === 'none') {
        const close = m.suggestions.length > 0 ? ` Did you mean ${m.suggestions.slice(0, 3).map((x) => x.name).join(' or ')}?` : '';
        add('local_authority', `This is not a council Heard knows. Use the council's name (for example Lancashire) or its ONS code (for example E10000017).${close}`);
      }
      return undefined;
    };

    const reference = cell('reference');
    if (!reference) add('reference', 'Every referral needs a reference.');
    else if (seen.has(reference)) add('reference', `This reference is also used on row ${seen.get(reference)}; each referral needs its own.`);
    else seen.set(reference, row);

    const referralDate = date('referral_date');
    if (!cell('referral_date')) add('referral_date', 'Every referral needs a referral date.');
    else if (referralDate && referralDate > today) add('referral_date', 'The referral date is in the future.');
    const dateOfBirth = date('date_of_birth');
    if (dateOfBirth && dateOfBirth > today) add('date_of_birth', 'The date of birth is in the future.');
    else if (dateOfBirth && referralDate && dateOfBirth > referralDate) add('date_of_birth', 'The date of birth is after the referral date.');
    const serviceUserType = code('service_user_type', importWords.service_user_type);
    if (!cell('service_user_type')) add('service_user_type', 'Every referral needs a service-user type.');

    const issues: IssueCode[] = [];
    cell('issues')
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .forEach((s, n) => {
        const found = importWords.issues.read(s);
        if (!found) add('issues', `The ${ordinal(n + 1)} issue is not one Heard knows. Use these words or codes, separated by semicolons: ${importWords.issues.describe()}.`);
        else if (!issues.includes(found)) issues.push(found);
      });

    const allocatedTo = cell('allocated_to') || undefined;
    const allocationDate = date('allocation_date');
    if (allocationDate && referralDate && allocationDate < referralDate) add('allocation_date', 'The allocation date is before the referral date.');
    if (allocationDate && !allocatedTo) add('allocated_to', 'An allocation date is given but no advocate.');
    const closureDate = date('closure_date');
    if (closureDate && referralDate && closureDate < referralDate) add('closure_date', 'The closure date is before the referral date.');
    if (closureDate && closureDate > today) add('closure_date', 'The closure date is in the future.');
    const closureOutcome = code('closure_outcome', importWords.closure_outcome);
    if (closureDate && !cell('closure_outcome')) add('closure_outcome', `The referral is closed but has no closure outcome. Use one of: ${importWords.closure_outcome.describe()}.`);
    if (cell('closure_outcome') && !cell('closure_date')) add('closure_date', 'A closure outcome is given but no closure date.');

    const opt = (c: ImportColumn) => cell(c) || undefined;
    const localAuthority = council();
    if (reference && referralDate && serviceUserType) {
      rows.push(
        strip({
          row,
          reference,
          personReference: opt('person_reference'),
          firstName: opt('first_name'),
          lastName: opt('last_name'),
          preferredName: opt('preferred_name'),
          dateOfBirth,
          gender: code('gender', importWords.gender),
          serviceUserType,
          localAuthority,
          referralDate,
          referralSource: code('referral_source', importWords.referral_source),
          issues,
          urgency: code('urgency', importWords.urgency),
          allocatedTo,
          allocationDate,
          closureDate,
          closureOutcome,
        }),
      );
    } else {
      // Still check the code columns so every problem in the row is listed at once.
      code('gender', importWords.gender);
      code('referral_source', importWords.referral_source);
      code('urgency', importWords.urgency);
    }
  });
  return { rows: problems.length > 0 ? [] : rows, problems: problems.sort((a, b) => a.row - b.row) };
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
