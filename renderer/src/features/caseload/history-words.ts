import type { CorrectedEntity, StoredValue } from '../../../../shared/domain/corrections';
import { formatUkDate } from '../../../../shared/domain/dates';
import { actionOwnerLabels } from '../../../../shared/domain/fieldwork';
import { meetingTypeLabels } from '../../../../shared/domain/meetings';
import { genderLabels, issueLabels, issueOutcomeLabels, serviceUserTypeLabels, sourceLabels, statusTagLabels, urgencyLabels } from './labels';

/** What each corrected record is called in the history. */
export const entityWords: Record<CorrectedEntity, string> = {
  person: 'Young person’s details',
  referral: 'Referral',
  referral_issue: 'Issue',
  case_action: 'Action',
  meeting: 'Meeting',
};

/** Stored column names in the words the forms use. */
const fieldWords: Record<string, string> = {
  first_name: 'First name (legal)', last_name: 'Last name (legal)', preferred_name: 'Name they use', date_of_birth: 'Date of birth', gender: 'Gender',
  gender_description: 'Gender in their words', pronouns: 'Pronouns', first_language: 'First language', interpreter_needed: 'Needs an interpreter',
  interpreter_language: 'Interpreter language', communication_needs: 'Communication needs', disability: 'Disability', status_tags: 'Status',
  local_authority: 'Local authority', placement_type: 'Placement type', placement_in_area: 'Placement area', placement_address: 'Placement address',
  key_contacts: 'Key contacts', kind: 'Young person or parent', person_reference: 'Person reference',
  referral_date: 'Referral date', source: 'Source', referrer: 'Referrer', referrer_contact: "Referrer's phone or email", service_user_type: 'Service-user type',
  urgency: 'Urgency', urgency_reason: 'Why it is urgent', advocacy_type: 'Type of advocacy', consent_explained_on: 'Consent explained on',
  consent_explained_how: 'How consent was explained', confidentiality_explained: 'Confidentiality explained', request: 'What they are asking for',
  social_worker_told_on: 'Social worker told on', social_worker_told_how: 'How the social worker was told',
  code: 'Theme', description: 'Description', wanted_outcome: 'The outcome they want', status: 'Status', outcome: 'Outcome', outcome_note: 'Outcome note',
  owner: 'Who', owner_name: 'Their name', due_on: 'By when', done_at: 'Done',
  meeting_type: 'Type of meeting', type_other: 'Type of meeting', meeting_date: 'Date', start_time: 'Time', place: 'Place', chair: 'Chair', invitees: 'Invitees', notes: 'Notes',
};

export const fieldWord = (entity: CorrectedEntity, field: string): string =>
  entity === 'referral_issue' && field === 'description' ? 'In their own words' : (fieldWords[field] ?? field.replace(/_/g, ' '));

const lookup = (labels: Record<string, string>, v: StoredValue): string => (typeof v === 'string' ? (labels[v] ?? v) : String(v));

/** A stored value as the advocate would read it: dd/mm/yyyy dates, labels for codes. */
export function valueWords(entity: CorrectedEntity, field: string, v: StoredValue): string {
  if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) return '—';
  if (field === 'placement_in_area') return v === 1 || v === true ? 'In area' : 'Out of area';
  if (typeof v === 'boolean' || ((field.endsWith('_needed') || field.endsWith('_explained')) && typeof v === 'number')) return v ? 'Yes' : 'No';
  if (field === 'status_tags' && Array.isArray(v)) return v.map((t) => lookup(statusTagLabels, t as StoredValue)).join(', ');
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? Object.values(x).join(' ') : String(x))).join(', ');
  if (typeof v === 'object') return Object.values(v).join(' ');
  if (field === 'gender') return lookup(genderLabels, v);
  if (field === 'code' && entity === 'referral_issue') return lookup(issueLabels, v);
  if (field === 'outcome' && entity === 'referral_issue') return lookup(issueOutcomeLabels, v);
  if (field === 'service_user_type') return lookup(serviceUserTypeLabels, v);
  if (field === 'source') return lookup(sourceLabels, v);
  if (field === 'urgency') return lookup(urgencyLabels, v);
  if (field === 'meeting_type') return lookup(meetingTypeLabels, v);
  if (field === 'owner' && entity === 'case_action') return lookup(actionOwnerLabels, v);
  if (field === 'advocacy_type') return v === 'non_instructed' ? 'Non-instructed' : 'Instructed';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatUkDate(v);
  return String(v);
}
