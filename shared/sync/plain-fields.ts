import { z } from 'zod';
import { PLAIN_FIELD, plainDeletedAtSchema } from './envelope';
import { uuidSchema } from './protocol';
import { ALLOCATION_ENTITY, ALLOCATION_FIELD, ROSTER_ENTITY } from './team-protocol';

/**
 * The values that stay plain once an organisation seals (docs/e2e.md, Values), because the
 * service must read them, and what each may hold, so no words travel in them:
 * - deleted_at on any record: the service orders deletions and purges tombstones by it;
 * - a case's allocation (`case_allocation.user_id`): the service makes it its allocation.
 */
export function staysPlain(entity: string, field: string): boolean {
  return field === PLAIN_FIELD || (entity === ALLOCATION_ENTITY && field === ALLOCATION_FIELD);
}

const allocationSchema = z.union([z.null(), uuidSchema]);

/** Whether a plain value is one `staysPlain` allows there. */
export function plainValueFits(field: string, value: unknown): boolean {
  return (field === PLAIN_FIELD ? plainDeletedAtSchema : allocationSchema).safeParse(value ?? null).success;
}

/**
 * Records the service itself writes, in plain: its people (name, role, whether on the service),
 * staff not children. A laptop takes their plain values as they come; what a laptop writes to
 * them it seals like anything else.
 */
export const writtenByService = (entity: string): boolean => entity === ROSTER_ENTITY;
