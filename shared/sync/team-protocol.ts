import { z } from 'zod';
import { PROTOCOL_VERSION, uuidSchema } from './protocol';
import { storableText } from './safe-json';

/**
 * The service's people and allocations (docs/architecture.md, Allocation and purges).
 *
 * Allocation travels as an organisation record a manager's laptop writes like any other change:
 * entity `case_allocation`, record id = the case id, no case, one field `user_id`. Being a record
 * without a case, only managers' devices may write it (the access model's one rule for
 * organisation records, so an advocate's laptop is refused with nothing new to get wrong); being
 * a change, it waits in the outbox while the laptop is offline and is ordered in the
 * organisation's log with the case's own changes; and being a record of its own (not a field of
 * the referral), it stays readable by the service once case values are sealed end to end. When
 * such a change is applied the service makes it its allocation: the new holder's laptops receive
 * the whole case, the old holder's purge it.
 *
 * The service's users reach every laptop as `advocate` organisation records written by the
 * service itself (record id = the user's id): name, role and `service_status`.
 */
export const ALLOCATION_ENTITY = 'case_allocation';
export const ALLOCATION_FIELD = 'user_id';
export const ROSTER_ENTITY = 'advocate';

export const teamRoleSchema = z.enum(['advocate', 'manager']);
export type TeamRole = z.infer<typeof teamRoleSchema>;
export const serviceStatusSchema = z.enum(['active', 'inactive']);
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;

const version = z.literal(PROTOCOL_VERSION);
const personName = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(100, 'Use at most 100 characters.')
  .refine(storableText, 'The name holds a character that cannot be stored.')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The name holds a control character.');

export const personSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  email: z.string(),
  role: z.enum(['advocate', 'manager', 'admin']),
  active: z.boolean(),
  addedAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type ServicePerson = z.infer<typeof personSchema>;

export const peopleResponseSchema = z.object({ v: version, people: z.array(personSchema) });
export type PeopleResponse = z.infer<typeof peopleResponseSchema>;

export const addPersonRequestSchema = z.strictObject({
  v: version,
  name: personName,
  email: z.email('Enter an email address, like name@example.org.').max(200),
  role: teamRoleSchema,
});
export type AddPersonRequest = z.infer<typeof addPersonRequestSchema>;

export const deactivatePersonRequestSchema = z.strictObject({ v: version, userId: uuidSchema });
export type DeactivatePersonRequest = z.infer<typeof deactivatePersonRequestSchema>;

export const personResponseSchema = z.object({ v: version, person: personSchema });
export type PersonResponse = z.infer<typeof personResponseSchema>;
