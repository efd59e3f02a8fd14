import type { EntitySpec } from '../db/entities';

/** The caseload's synced records (migration 0002). A referral is the case: its id is the case id. */
export const caseloadEntities = {
  person: {
    table: 'people',
    fields: [
      'person_reference', 'kind', 'first_name', 'last_name', 'preferred_name', 'date_of_birth', 'gender', 'gender_description',
      'pronouns', 'first_language', 'interpreter_needed', 'interpreter_language', 'communication_needs', 'disability',
      'status_tags', 'local_authority', 'placement_type', 'placement_in_area', 'placement_address', 'key_contacts', 'created_at',
    ],
    jsonFields: ['status_tags', 'key_contacts'],
  },
  referral: {
    table: 'referrals',
    fields: [
      'reference', 'person_id', 'referral_date', 'source', 'referrer', 'referrer_contact', 'service_user_type', 'urgency',
      'urgency_reason', 'advocacy_type', 'consent_explained_on', 'consent_explained_how', 'confidentiality_explained', 'request',
      'status', 'allocated_to', 'allocation_date', 'days_to_allocation', 'closure_date', 'closure_outcome', 'closure_note', 'created_at',
      'closure_checklist', 'closure_told', 'social_worker_told_on', 'social_worker_told_how',
    ],
    jsonFields: ['closure_checklist', 'closure_told'],
  },
  referral_issue: {
    table: 'referral_issues',
    fields: ['referral_id', 'code', 'description', 'wanted_outcome', 'status', 'outcome', 'outcome_note', 'created_at'],
  },
  advocate: {
    table: 'advocates',
    fields: ['name', 'role'],
  },
  /** Append-only history of corrections to saved details (migration 0013). */
  correction: {
    table: 'corrections',
    fields: ['case_id', 'entity', 'record_id', 'kind', 'corrected_at', 'corrected_by', 'corrected_by_name', 'reason', 'changes'],
    jsonFields: ['changes'],
  },
} satisfies Record<string, EntitySpec>;
