import { meetingsRecords } from '../../../shared/domain/records/meetings-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** Meetings' synced records, read from their definitions. `case_id` is the referral's id. */
export const meetingsEntities: Record<string, EntitySpec> = Object.fromEntries(
  meetingsRecords.map((def) => [def.entity, entitySpecOf(def)]),
);
