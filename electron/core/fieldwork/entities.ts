import { fieldworkRecords } from '../../../shared/domain/records/fieldwork-records';
import { entitySpecOf } from '../../../shared/domain/records/define';
import type { EntitySpec } from '../db/entities';

/** Field work's synced records, read from their definitions. Note versions and the search index are local. */
export const fieldworkEntities: Record<string, EntitySpec> = Object.fromEntries(
  fieldworkRecords.map((def) => [def.entity, entitySpecOf(def)]),
);
