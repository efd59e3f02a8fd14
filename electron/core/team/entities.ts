import { caseAllocationRecord } from '../../../shared/domain/records/team-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** A manager's allocation of a case, sent to the service as its own, read from its definition. */
export const teamEntities = {
  [caseAllocationRecord.entity]: entitySpecOf(caseAllocationRecord),
} satisfies Record<string, EntitySpec>;
