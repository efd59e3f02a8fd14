import type { CorrectedEntity, StoredValue } from '../../../../shared/domain/corrections';
import { formatUkDate } from '../../../../shared/domain/dates';
import { issueRecord, personRecord, referralRecord } from '../../../../shared/domain/records/caseload-records';
import { columnOf, type FieldSpec, type RecordDef } from '../../../../shared/domain/records/define';
import { actionRecord } from '../../../../shared/domain/records/fieldwork-records';
import { meetingRecord } from '../../../../shared/domain/records/meetings-records';

/** What each corrected record is called in the history. */
export const entityWords: Record<CorrectedEntity, string> = {
  person: 'Young person’s details',
  referral: 'Referral',
  referral_issue: 'Issue',
  case_action: 'Action',
  meeting: 'Meeting',
};

/** Each corrected record's definition: its fields' words and choices are the forms' own. */
const definitions: Record<CorrectedEntity, RecordDef> = {
  person: personRecord,
  referral: referralRecord,
  referral_issue: issueRecord,
  case_action: actionRecord,
  meeting: meetingRecord,
};

const specOf = (entity: CorrectedEntity, column: string): FieldSpec | undefined => {
  const def = definitions[entity];
  const key = Object.keys(def.fields).find((k) => columnOf(def, k) === column);
  return key === undefined ? undefined : def.fields[key];
};

/** A stored column in the words its form uses. */
export const fieldWord = (entity: CorrectedEntity, field: string): string =>
  specOf(entity, field)?.label ?? field.replace(/_/g, ' ');

const choice = (spec: FieldSpec, v: StoredValue): string =>
  typeof v === 'string' ? (spec.choices?.[v] ?? v) : String(v);

/** A stored value as the advocate would read it: dd/mm/yyyy dates, the form's words for codes and yes/no answers. */
export function valueWords(entity: CorrectedEntity, field: string, v: StoredValue): string {
  if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
  const spec = specOf(entity, field);
  if (spec?.kind === 'yesNo') {
    const yes = v === 1 || v === true;
    return spec.answers ? (yes ? spec.answers.yes : spec.answers.no) : yes ? 'Yes' : 'No';
  }
  if (spec?.kind === 'codes' && Array.isArray(v)) return v.map((c) => choice(spec, c as StoredValue)).join(', ');
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' && x !== null ? Object.values(x).join(' ') : String(x))).join(', ');
  if (typeof v === 'object') return Object.values(v).join(' ');
  if (spec?.kind === 'code') return choice(spec, v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatUkDate(v);
  return String(v);
}
