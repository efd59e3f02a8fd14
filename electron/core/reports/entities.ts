import type { EntitySpec } from '../db/entities';

/** The report feature's synced records (migration 0007). `case_id` is the referral's id. */
export const reportEntities = {
  feedback_form: {
    table: 'feedback_forms',
    fields: [
      'case_id', 'kind', 'received_date', 'respondent_role', 'listened_to', 'things_changed', 'use_again',
      'voice_heard', 'kept_informed', 'recommend', 'comment', 'may_quote', 'created_at',
    ],
  },
} satisfies Record<string, EntitySpec>;
