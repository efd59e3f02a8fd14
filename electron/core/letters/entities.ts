import { lettersRecords } from '../../../shared/domain/records/letters-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** Letters and complaint stages, read from their definitions; the case id is `referrals.id`. */
export const lettersEntities: Record<string, EntitySpec> = Object.fromEntries(
  lettersRecords.map((def) => [def.entity, entitySpecOf(def)]),
);
