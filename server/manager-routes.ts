import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { MAX_PUSH_BYTES } from '../shared/sync/protocol';
import {
  eraseRequestSchema,
  finishRequestSchema,
  pendingRequestSchema,
  resealRequestSchema,
  statusRequestSchema,
} from '../shared/sync/offservice';
import type { DeviceIdentity } from './auth/authenticate';
import { conversionStatus, pendingPage } from './sync/convert';
import { finishConversion, reseal } from './sync/convert-apply';
import { eraseCases } from './sync/erase-cases';

export interface ManagerRouteDeps {
  pool: Pool;
  now(): Date;
  /** Cases one organisation may erase in any 24 hours. */
  eraseCasesPerDay: number;
  /** Signs the device in and holds it to its push limit. */
  signedIn(req: FastifyRequest): Promise<DeviceIdentity>;
  parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S>;
}

/**
 * The work a manager's laptop asks of the service now that the service cannot read records
 * (server/README.md, What the service sees): erasing cases the laptop found due, and converting
 * values held from before encryption. Every one is validated, limited like a push, and audited.
 */
export function registerManagerRoutes(app: FastifyInstance, d: ManagerRouteDeps): void {
  const limited = (req: FastifyRequest) => d.signedIn(req);

  app.post('/v1/erase', async (req) => {
    const who = await limited(req);
    const out = await eraseCases(d.pool, who, d.parse(eraseRequestSchema, req.body), d.now(), d.eraseCasesPerDay);
    req.audit.cases = out.cases;
    return out.body;
  });

  app.post('/v1/convert/status', async (req) => {
    const who = await limited(req);
    d.parse(statusRequestSchema, req.body);
    return conversionStatus(d.pool, who);
  });

  app.post('/v1/convert/pending', async (req) => {
    const who = await limited(req);
    return pendingPage(d.pool, who, d.parse(pendingRequestSchema, req.body));
  });

  app.post('/v1/convert/reseal', { bodyLimit: MAX_PUSH_BYTES }, async (req) => {
    const who = await limited(req);
    return reseal(d.pool, who, d.parse(resealRequestSchema, req.body));
  });

  app.post('/v1/convert/finish', async (req) => {
    const who = await limited(req);
    d.parse(finishRequestSchema, req.body);
    return finishConversion(d.pool, who, d.now());
  });
}
