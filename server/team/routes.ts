import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import {
  addPersonRequestSchema,
  deactivatePersonRequestSchema,
  type PeopleResponse,
  type PersonResponse,
} from '../../shared/sync/team-protocol';
import { z } from 'zod';
import type { DeviceIdentity } from '../auth/authenticate';
import { parse } from '../parse-body';
import { addPerson, deactivatePerson, listPeople, requireManager } from './people';

export interface TeamRouteDeps {
  pool: Pool;
  now(): Date;
  /** Checks the token and the device's limits (server/app.ts), then answers who is asking. */
  signedIn(req: FastifyRequest): Promise<DeviceIdentity>;
}

const listRequestSchema = z.strictObject({ v: z.literal(PROTOCOL_VERSION) });

/**
 * The managers' People endpoints. Every one checks the device's token and limits first and its
 * user's role second (people.ts), before the body is parsed, and takes the organisation from the
 * token alone.
 */
export function registerTeamRoutes(app: FastifyInstance, deps: TeamRouteDeps): void {
  const { pool, now, signedIn } = deps;

  app.post('/v1/team/people/list', async (req): Promise<PeopleResponse> => {
    const who = await signedIn(req);
    requireManager(who);
    parse(listRequestSchema, req.body);
    return { v: PROTOCOL_VERSION, people: await listPeople(pool, who) };
  });

  app.post('/v1/team/people/add', async (req): Promise<PersonResponse> => {
    const who = await signedIn(req);
    requireManager(who);
    const person = await addPerson(pool, who, parse(addPersonRequestSchema, req.body), now());
    req.audit.done = true;
    return { v: PROTOCOL_VERSION, person };
  });

  app.post('/v1/team/people/deactivate', async (req): Promise<PersonResponse> => {
    const who = await signedIn(req);
    requireManager(who);
    const person = await deactivatePerson(pool, who, parse(deactivatePersonRequestSchema, req.body).userId, now());
    req.audit.done = true;
    return { v: PROTOCOL_VERSION, person };
  });
}
