import { reportsRecords } from '../../../shared/domain/records/reports-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** The report feature's synced records, read from their definitions. `case_id` is the referral's id. */
export const reportEntities: Record<string, EntitySpec> = Object.fromEntries(
  reportsRecords.map((def) => [def.entity, entitySpecOf(def)]),
);
