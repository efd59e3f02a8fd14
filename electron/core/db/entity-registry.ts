import { caseloadEntities } from '../caseload/entities';
import { meetingsEntities } from '../meetings/entities';
import { fieldworkEntities } from '../fieldwork/entities';
import { reportEntities } from '../reports/entities';
import { lettersEntities } from '../letters/entities';
import { teamEntities } from '../team/entities';
import type { EntitySpec } from './entities';

/** Every synced entity, by the name used in the outbox and on the wire. Add yours here. */
export const entityRegistry: Record<string, EntitySpec> = {
  ...lettersEntities,
  ...caseloadEntities,
  ...meetingsEntities,
  ...fieldworkEntities,
  ...reportEntities,
  ...teamEntities,
};
