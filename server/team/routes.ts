import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { addPersonRequestSchema, deactivatePersonRequestSchema, type PeopleResponse, type PersonResponse } from '../../shared/sync/team-protocol';
import { z } from 'zod';
import type { DeviceIdentity } from '../auth/authenticate';
import { parse } from '../parse-body';
import type { DeviceRateLimiter } from '../sync/device-limits';
import { addPerson, deactivatePerson, listPeople, requireManager } from './people';

export interface TeamRouteDeps {
  pool: Pool;
  now(): Date;
  signedIn(req: FastifyRequest): Promise<DeviceIdentity>;
  limiter: DeviceRateLimiter;
}

const listRequestSchema = z.strictObject({ v: z.literal(PROTOCOL_VERSION) });

/**
 * The managers' People endpoints. Every one checks the device's token first and its user's role
 * second (people.ts), and takes the organisation from the token alone. Reads count against the
 * device's pull allowance and changes against its push allowance.
 */
export function registerTeamRoutes(app: FastifyInstance, deps: TeamRouteDeps): void {
  const { pool, now, signedIn, limiter } = deps;

  app.post('/v1/team/people/list', async (req): Promise<PeopleResponse> => {
    const who = await signedIn(req);
    requireManager(who);
    limiter.take('pull', who.deviceId, now().getTime());
    parse(listRequestSchema, req.body);
    return { v: PROTOCOL_VERSION, people: await listPeople(pool, who) };
  });

  app.post('/v1/team/people/add', async (req): Promise<PersonResponse> => {
    const who = await signedIn(req);
    requireManager(who);
    limiter.take('push', who.deviceId, now().getTime());
    const person = await addPerson(pool, who, parse(addPersonRequestSchema, req.body), now());
    req.audit.done = true;
    return { v: PROTOCOL_VERSION, person };
  });

  app.post('/v1/team/people/deactivate', async (req): Promise<PersonResponse> => {
    const who = await signedIn(req);
    requireManager(who);
    limiter.take('push', who.deviceId, now().getTime());
    const person = await deactivatePerson(pool, who, parse(deactivatePersonRequestSchema, req.body).userId, now());
    req.audit.done = true;
    return { v: PROTOCOL_VERSION, person };
  });
}
