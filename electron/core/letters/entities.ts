import type { EntitySpec } from '../db/entities';

/** Letters and complaint stages (migrations 0004 and 0015); the case id is `referrals.id`. */
export const lettersEntities = {
  complaint: {
    table: 'complaints',
    fields: [
      'case_id', 'stage', 'summary', 'council_reference', 'received_on', 'acknowledged_on', 'extended_to', 'extension_reason',
      'response_received_on', 'outcome', 'panel_held_on', 'panel_report_on', 'escalated_from', 'created_at',
    ],
  },
  letter: {
    table: 'letters',
    fields: [
      'case_id', 'template_id', 'complaint_id', 'title', 'recipient', 'body', 'sent_on', 'sent_method', 'created_at', 'updated_at',
      'version', 'version_of', 'change_note', 'placeholders_left',
    ],
    jsonFields: ['body', 'placeholders_left'],
  },
} satisfies Record<string, EntitySpec>;
