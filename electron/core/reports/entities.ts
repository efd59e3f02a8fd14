import type { EntitySpec } from '../db/entities';

/** The report feature's synced records (migrations 0007 and 0018). `case_id` is the referral's id. */
export const reportEntities = {
  feedback_form: {
    table: 'feedback_forms',
    fields: [
      'case_id', 'kind', 'received_date', 'respondent_role', 'listened_to', 'things_changed', 'use_again',
      'voice_heard', 'kept_informed', 'recommend', 'comment', 'may_quote', 'created_at',
    ],
  },
  systemic_issue: {
    table: 'systemic_issues',
    fields: ['case_id', 'area', 'issue', 'detail', 'raised_on', 'created_at'],
  },
} satisfies Record<string, EntitySpec>;
