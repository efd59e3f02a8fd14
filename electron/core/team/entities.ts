import { ALLOCATION_ENTITY, ALLOCATION_FIELD } from '../../../shared/sync/team-protocol';
import type { EntitySpec } from '../db/entities';

/** A manager's allocation of a case, sent to the service as its own (migration 0023; record id = the case id). */
export const teamEntities = {
  [ALLOCATION_ENTITY]: { table: 'case_allocations', fields: [ALLOCATION_FIELD] },
} satisfies Record<string, EntitySpec>;
