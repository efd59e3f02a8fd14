import { z } from 'zod';
import { triageRowSchema } from './caseload';
import { personSchema, teamRoleSchema } from '../sync/team-protocol';
import { changes, notAudited } from './audit-spec';
import { method } from './define';

/**
 * The managers' screens (role manager, on a laptop connected to a service). The Team figures are
 * worked out on the manager's laptop, which holds every case; People is the service's own list,
 * read and changed through the service, which refuses it to any device that is not a manager's.
 */
const teamCaseSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  name: z.string(),
  advocateName: z.string().nullable(),
});

export const teamOverviewSchema = z.object({
  /** Open cases per person holding any, most first; `onService` null for a name typed on this laptop. */
  advocates: z.array(
    z.object({
      advocateId: z.string(),
      name: z.string(),
      onService: z.enum(['active', 'inactive']).nullable(),
      open: z.number().int(),
    }),
  ),
  /** Referrals waiting for an advocate, longest wait first. */
  waiting: z.array(triageRowSchema),
  /** Urgent referrals not yet allocated, longest wait first. */
  urgentUnallocated: z.array(triageRowSchema),
  overdueComplaints: z.array(teamCaseSchema.extend({ id: z.string(), dueOn: z.string(), stage: z.string() })),
  overdueActions: z.array(teamCaseSchema.extend({ id: z.string(), dueOn: z.string(), description: z.string() })),
  /** Allocations made on this laptop that the service has not received yet. */
  waitingToSend: z.array(teamCaseSchema),
});
export type TeamOverview = z.infer<typeof teamOverviewSchema>;

export const addPersonInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter their name.').max(100, 'Use at most 100 characters.'),
    email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address, like name@example.org.').max(200)),
    role: teamRoleSchema,
  })
  .strict();

const notAboutAChild = (what: string) =>
  notAudited(`${what}; nothing about a child, and the service keeps its own audit of people`);

export const teamMethods = {
  'team.overview': method(z.object({}).strict(), teamOverviewSchema, {
    audit: notAudited('figures across the team; opening any one case is recorded'),
  }),
  /** For the case page's badge: whether this laptop's allocation of the case has yet to reach the service. */
  'team.allocationWaiting': method(
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.object({ waiting: z.boolean() }),
    {
      audit: notAudited('whether an allocation is still to be sent; nothing about a child'),
    },
  ),
  /** Gives the open cases of a name typed on this laptop (before it was connected), or of a closed account, to one of the service's active people. */
  'team.moveTypedCases': method(
    z.object({ typedId: z.string().min(1).max(64), userId: z.string().uuid() }).strict(),
    z.object({ moved: z.number().int() }),
    {
      audit: changes('the allocation of the cases held by a name typed on this laptop', null),
    },
  ),
  'team.people.list': method(z.object({}).strict(), z.array(personSchema), {
    audit: notAboutAChild("the service's people"),
  }),
  'team.people.add': method(addPersonInputSchema, personSchema, {
    audit: notAboutAChild('adds a person to the service'),
  }),
  'team.people.deactivate': method(z.object({ userId: z.string().uuid() }).strict(), personSchema, {
    audit: notAboutAChild("closes a person's account on the service"),
  }),
};
