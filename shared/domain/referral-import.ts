import { parseCsv, CsvSyntaxError } from '../csv/rfc4180';
import { closureOutcomes, issueCodes } from './codes';
import type { IssueCode, ServiceUserType } from './codes';
import { isIsoDate } from './dates';
import { matchCode } from './equality';
import { personRecord, referralRecord } from './records/caseload-records';
import type { FieldSpec, ImportedOf, RecordDef } from './records/define';

/**
 * The referral spreadsheet format: UTF-8, header row, any column order. This checks a whole file
 * and lists every problem by row, column and reason; it never repeats a cell's contents, because
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
  Object.entries(def.fields).flatMap(([key, spec]) => (spec.importColumn ? [{ key, column: spec.importColumn, spec }] : []));
const personImports = importable(personRecord);
const referralImports = importable(referralRecord);

export const importColumns: readonly string[] = ['reference', ...personImports.map((i) => i.column), ...referralImports.map((i) => i.column), 'issues', 'allocated_to'];
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

    // A code column takes the code or its words ("WBRI" or "White British"), in any case.
    const worded = (c: ImportColumn, choices: Readonly<Record<string, string>>): string | undefined => {
      const v = cell(c);
      if (!v) return undefined;
      const list = Object.keys(choices);
      const found = matchCode(list, choices, v);
      if (!found) add(c, `This is not a known code. Use one of: ${list.map((k) => `${k} (${choices[k]})`).join(', ')}.`);
      return found;
    };

    const read = (i: Imported): unknown => {
      const v = cell(i.column);
      switch (i.spec.kind) {
        case 'date':
          return date(i.column);
        case 'code':
          return worded(i.column, i.spec.choices ?? {});
        case 'yesNo':
          if (!v) return undefined;
          if (/^(yes|y|true|1)$/i.test(v)) return true;
          if (/^(no|n|false|0)$/i.test(v)) return false;
          // A yes/no asked as a choice also takes its answers' words or codes ("Out of area", "out_of_area").
          if (i.spec.answers) {
            const answer = matchCode(['yes', 'no'] as const, i.spec.answers, v);
            if (answer) return answer === 'yes';
            add(i.column, `Write ${i.spec.answers.yes.toLowerCase()} or ${i.spec.answers.no.toLowerCase()} (or yes or no).`);
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
    else if (seen.has(reference)) add('reference', `This reference is also used on row ${seen.get(reference)}; each referral needs its own.`);
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
    else if (dateOfBirth && referralDate && dateOfBirth > referralDate) add('date_of_birth', 'The date of birth is after the referral date.');
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
    const allocationDate = values.allocationDate as string | undefined;
    if (allocationDate && referralDate && allocationDate < referralDate) add('allocation_date', 'The allocation date is before the referral date.');
    if (allocationDate && !allocatedTo) add('allocated_to', 'An allocation date is given but no advocate.');
    const closureDate = values.closureDate as string | undefined;
    if (closureDate && referralDate && closureDate < referralDate) add('closure_date', 'The closure date is before the referral date.');
    if (closureDate && closureDate > today) add('closure_date', 'The closure date is in the future.');
    if (closureDate && !cell('closure_outcome')) add('closure_outcome', `The referral is closed but has no closure outcome. Use one of: ${listWords(closureOutcomes)}.`);
    if (cell('closure_outcome') && !cell('closure_date')) add('closure_date', 'A closure outcome is given but no closure date.');

    if (reference && referralDate && serviceUserType) rows.push(strip({ ...values, row, reference, issues, allocatedTo, referralDate, serviceUserType } as ImportRow));
  });
  return { rows: problems.length > 0 ? [] : rows, problems: problems.sort((a, b) => a.row - b.row) };
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
