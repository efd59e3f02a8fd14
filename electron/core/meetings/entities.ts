import type { EntitySpec } from '../db/entities';

/** Meetings' synced records (migration 0005). `case_id` is the referral's id. */
export const meetingsEntities = {
  meeting: {
    table: 'meetings',
    fields: ['case_id', 'meeting_type', 'type_other', 'meeting_date', 'start_time', 'place', 'chair', 'invitees', 'notes', 'created_at'],
    jsonFields: ['invitees'],
  },
  meeting_statement: {
    table: 'meeting_statements',
    fields: [
      'case_id', 'meeting_id', 'template_id', 'presenter', 'sections', 'current_version_id', 'agreed_version_id', 'agreed_on',
      'agreed_how', 'agreement_note', 'created_at', 'updated_at',
    ],
    jsonFields: ['sections'],
  },
  meeting_statement_version: {
    table: 'meeting_statement_versions',
    fields: ['case_id', 'statement_id', 'sections', 'presenter', 'saved_at', 'saved_in'],
    jsonFields: ['sections'],
  },
  meeting_debrief: {
    table: 'meeting_debriefs',
    fields: [
      'case_id', 'meeting_id', 'attended', 'views_presented', 'decisions', 'wishes_reflected', 'actions', 'issues_moved',
      'debriefed_on', 'notes', 'created_at',
    ],
    jsonFields: ['actions', 'issues_moved'],
  },
} satisfies Record<string, EntitySpec>;
