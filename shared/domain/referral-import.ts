import { parseCsv, CsvSyntaxError } from '../csv/rfc4180';
import { closureOutcomes, genders, issueCodes, referralSources, serviceUserTypes, urgencies } from './codes';
import type { ClosureOutcome, Gender, IssueCode, ReferralSource, ServiceUserType, Urgency } from './codes';
import { isIsoDate } from './dates';

/**
 * The referral spreadsheet format: UTF-8, header row, any column order. This checks a
 * whole file and lists every problem by row, column and reason; it never repeats a cell's
 * contents, because cells hold children's details. Rows are numbered as a spreadsheet shows them
 * (the header is row 1).
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

function codeOf<T extends string>(list: readonly T[], value: string): T | undefined {
  const v = value.trim().toLowerCase();
  return list.find((c) => c.toLowerCase() === v);
}

const listWords = (list: readonly string[]) => list.join(', ');
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
      if (!isIsoDate(v)) add(c, 'This is not a real date in the form YYYY-MM-DD.');
      return isIsoDate(v) ? v : undefined;
    };
    const code = <T extends string>(c: ImportColumn, list: readonly T[]): T | undefined => {
      const v = cell(c);
      if (!v) return undefined;
      const found = codeOf(list, v);
      if (!found) add(c, `This is not a known code. Use one of: ${listWords(list)}.`);
      return found;
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
    const serviceUserType = code('service_user_type', serviceUserTypes);
    if (!cell('service_user_type')) add('service_user_type', 'Every referral needs a service-user type.');

    const issues: IssueCode[] = [];
    cell('issues')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean)
      .forEach((s, n) => {
        const found = codeOf(issueCodes, s);
        if (!found) add('issues', `The ${ordinal(n + 1)} issue code is not known. Use codes from: ${listWords(issueCodes)}, separated by semicolons.`);
        else if (!issues.includes(found)) issues.push(found);
      });

    const allocatedTo = cell('allocated_to') || undefined;
    const allocationDate = date('allocation_date');
    if (allocationDate && referralDate && allocationDate < referralDate) add('allocation_date', 'The allocation date is before the referral date.');
    if (allocationDate && !allocatedTo) add('allocated_to', 'An allocation date is given but no advocate.');
    const closureDate = date('closure_date');
    if (closureDate && referralDate && closureDate < referralDate) add('closure_date', 'The closure date is before the referral date.');
    if (closureDate && closureDate > today) add('closure_date', 'The closure date is in the future.');
    const closureOutcome = code('closure_outcome', closureOutcomes);
    if (closureDate && !cell('closure_outcome')) add('closure_outcome', `The referral is closed but has no closure outcome. Use one of: ${listWords(closureOutcomes)}.`);
    if (cell('closure_outcome') && !cell('closure_date')) add('closure_date', 'A closure outcome is given but no closure date.');

    const opt = (c: ImportColumn) => cell(c) || undefined;
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
          gender: code('gender', genders),
          serviceUserType,
          localAuthority: opt('local_authority'),
          referralDate,
          referralSource: code('referral_source', referralSources),
          issues,
          urgency: code('urgency', urgencies),
          allocatedTo,
          allocationDate,
          closureDate,
          closureOutcome,
        }),
      );
    } else {
      // Still check the code columns so every problem in the row is listed at once.
      code('gender', genders);
      code('referral_source', referralSources);
      code('urgency', urgencies);
    }
  });
  return { rows: problems.length > 0 ? [] : rows, problems: problems.sort((a, b) => a.row - b.row) };
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
