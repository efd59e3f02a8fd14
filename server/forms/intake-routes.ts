import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import {
  feedbackLinkRequestSchema,
  intakeAckRequestSchema,
  intakeKeyRequestSchema,
  intakePullRequestSchema,
  intakeServedKeyRequestSchema,
} from '../../shared/sync/intake';
import type { DeviceIdentity } from '../auth/authenticate';
import { ServiceError, badRequest } from '../errors';
import { acknowledge, createLink, intakeKeyFor, publishIntakeKey, waitingSubmissions } from './intake-store';

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success)
    throw badRequest(
      `The request was not in the expected form (at ${r.error.issues[0]?.path.join('.') || 'body'}). Nothing was changed.`,
    );
  return r.data;
}

const notManager = () => new ServiceError(403, 'forbidden', 'Only a manager’s Heard can do this.');

/**
 * The signed-in end of the online forms. Publishing the intake key and collecting submissions
 * are for managers' laptops only (they hold every case); a feedback link may be asked for by the
 * advocate who holds the case. The organisation is always the device's own, never one it names.
 */
export function registerIntakeRoutes(
  app: FastifyInstance,
  pool: Pool,
  now: () => Date,
  device: (req: FastifyRequest) => Promise<DeviceIdentity>,
): void {
  // `device` is the service's sign-in gate: token, refused sign-ins per address, the device's rate limit.
  const signedIn = async (req: FastifyRequest, managerOnly: boolean): Promise<DeviceIdentity> => {
    const who = await device(req);
    if (managerOnly && who.role === 'advocate') throw notManager();
    return who;
  };

  app.post('/v1/intake/key', async (req) => {
    const who = await signedIn(req, true);
    const body = parse(intakeKeyRequestSchema, req.body);
    await publishIntakeKey(pool, who, body.epoch, body.publicKey, now());
    return { v: PROTOCOL_VERSION, ok: true };
  });

  // What GET /refer/:org and /feedback/:token embed for the browser (the same intakeKeyFor), so a
  // manager's laptop can check the pages seal to the key it derives (docs/e2e.md, Online forms).
  app.post('/v1/intake/key/served', async (req) => {
    const who = await signedIn(req, true);
    parse(intakeServedKeyRequestSchema, req.body);
    const key = await intakeKeyFor(pool, who.organisationId);
    return { v: PROTOCOL_VERSION, key: key ? { epoch: key.epoch, publicKey: key.publicKey } : null };
  });

  app.post('/v1/intake/pull', async (req) => {
    const who = await signedIn(req, true);
    const body = parse(intakePullRequestSchema, req.body);
    return { v: PROTOCOL_VERSION, ...(await waitingSubmissions(pool, who.organisationId, body.limit ?? 50)) };
  });

  app.post('/v1/intake/ack', async (req) => {
    const who = await signedIn(req, true);
    const body = parse(intakeAckRequestSchema, req.body);
    return { v: PROTOCOL_VERSION, deleted: await acknowledge(pool, who.organisationId, body.ids) };
  });

  app.post('/v1/feedback-links', async (req) => {
    const who = await signedIn(req, false);
    const body = parse(feedbackLinkRequestSchema, req.body);
    req.audit.cases = [body.caseId];
    return { v: PROTOCOL_VERSION, ...(await createLink(pool, who, body.caseId, body.audience, now())) };
  });
}
