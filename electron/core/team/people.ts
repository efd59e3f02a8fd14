import { AppError } from '../../../shared/ipc/errors';
import {
  peopleResponseSchema,
  personResponseSchema,
  type ServicePerson,
  type TeamRole,
} from '../../../shared/sync/team-protocol';
import type { CoreContext } from '../ipc/handler-types';

/**
 * The managers' People screen reads and changes the service's own list: nothing about people is
 * kept on the laptop beyond the names the service syncs as the list of advocates. The service
 * decides who may do this; the laptop checks first only to say so in plain words.
 */
export function requireManagerLaptop(ctx: CoreContext): void {
  const account = ctx.sync.account();
  if (!account)
    throw new AppError('forbidden', "The managers' screens need this computer to be connected to your service.");
  if (account.role === 'advocate')
    throw new AppError(
      'forbidden',
      "The managers' screens are for managers. Ask your manager if you need something from them.",
    );
}

export async function listPeople(ctx: CoreContext): Promise<ServicePerson[]> {
  requireManagerLaptop(ctx);
  return (await ctx.sync.withService((api, token) => api.post('/v1/team/people/list', {}, peopleResponseSchema, token)))
    .people;
}

export async function addPerson(
  ctx: CoreContext,
  input: { name: string; email: string; role: TeamRole },
): Promise<ServicePerson> {
  requireManagerLaptop(ctx);
  const { person } = await ctx.sync.withService((api, token) =>
    api.post('/v1/team/people/add', input, personResponseSchema, token),
  );
  // Their name reaches this laptop's list of advocates with the next sync.
  ctx.sync.syncNow('sync.automatic').catch(() => {});
  return person;
}

export async function deactivatePerson(ctx: CoreContext, userId: string): Promise<ServicePerson> {
  requireManagerLaptop(ctx);
  const { person } = await ctx.sync.withService((api, token) =>
    api.post('/v1/team/people/deactivate', { userId }, personResponseSchema, token),
  );
  ctx.sync.syncNow('sync.automatic').catch(() => {});
  return person;
}
