import type { EntitySpec } from '../db/entities';

/** Field work's synced record types (see migration 0003). Note versions and the search index are local. */
export const fieldworkEntities: Record<string, EntitySpec> = {
  contact: {
    table: 'contacts',
    fields: ['case_id', 'type', 'occurred_at', 'location', 'duration_minutes', 'travel_minutes', 'miles', 'present', 'created_at', 'updated_at'],
    jsonFields: ['present'],
  },
  note: {
    table: 'notes',
    fields: ['case_id', 'contact_id', 'title', 'body', 'created_at', 'updated_at'],
    // The rich-text body is one field: a conflicting edit is kept whole as a conflict copy.
    jsonFields: ['body'],
  },
  wishes_entry: {
    table: 'wishes_entries',
    fields: ['case_id', 'recorded_on', 'going_well', 'worries', 'want_to_happen', 'issue_ids', 'created_at', 'updated_at'],
    jsonFields: ['issue_ids'],
  },
  observation: {
    table: 'observations',
    fields: ['case_id', 'observed_on', 'communication', 'likes', 'dislikes', 'knows_them_well', 'rights_upheld', 'rights_notes', 'issue_ids', 'created_at', 'updated_at'],
    jsonFields: ['issue_ids'],
  },
  case_action: {
    table: 'case_actions',
    fields: ['case_id', 'owner', 'owner_name', 'description', 'due_on', 'done_at', 'created_at', 'updated_at', 'cancelled_at', 'cancel_reason', 'carried_reason'],
  },
  safeguarding_record: {
    table: 'safeguarding_records',
    fields: ['case_id', 'disclosed_at', 'disclosure', 'decision', 'reason', 'told', 'outcome', 'status', 'recorded_at'],
    jsonFields: ['told'],
  },
  safeguarding_amendment: {
    table: 'safeguarding_amendments',
    fields: ['record_id', 'case_id', 'amended_at', 'reason', 'changes'],
    jsonFields: ['changes'],
  },
};
