import { defineRecord, field } from './define';

/**
 * A manager's allocation of a case, sent to the service as its own (migration 0023; record id =
 * the case id, no case: shared/sync/team-protocol.ts). Written by Heard when a manager allocates,
 * never by a form.
 */
export const caseAllocationRecord = defineRecord('case_allocation', 'case_allocations', {
  userId: field.text('Allocated to', { max: 64, system: true }),
});

export const teamRecords = [caseAllocationRecord];
