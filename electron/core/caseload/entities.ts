import type { EntitySpec } from '../db/entities';

/** The caseload's synced records (migration 0002; ethnicity, disability status and issue closing days from 0017). A referral is the case: its id is the case id. */
export const caseloadEntities = {
  person: {
    table: 'people',
    fields: [
      'person_reference', 'kind', 'first_name', 'last_name', 'preferred_name', 'date_of_birth', 'gender', 'gender_description',
      'pronouns', 'first_language', 'interpreter_needed', 'interpreter_language', 'communication_needs', 'disability',
      'status_tags', 'local_authority', 'placement_type', 'placement_in_area', 'placement_address', 'key_contacts', 'created_at',
      'ethnicity', 'disability_status',
    ],
    jsonFields: ['status_tags', 'key_contacts'],
  },
  referral: {
    table: 'referrals',
    fields: [
      'reference', 'person_id', 'referral_date', 'source', 'referrer', 'referrer_contact', 'service_user_type', 'urgency',
      'urgency_reason', 'advocacy_type', 'consent_explained_on', 'consent_explained_how', 'confidentiality_explained', 'request',
      'status', 'allocated_to', 'allocation_date', 'days_to_allocation', 'closure_date', 'closure_outcome', 'closure_note', 'created_at',
    ],
  },
  referral_issue: {
    table: 'referral_issues',
    fields: ['referral_id', 'code', 'description', 'wanted_outcome', 'status', 'outcome', 'outcome_note', 'created_at', 'closed_on'],
  },
  advocate: {
    table: 'advocates',
    fields: ['name', 'role'],
  },
} satisfies Record<string, EntitySpec>;
