import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import {
  MAX_PUSH_BYTES,
  PROTOCOL_VERSION,
  enrolRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  tokenRequestSchema,
} from '../shared/sync/protocol';
import { authenticate, type DeviceIdentity } from './auth/authenticate';
import { confirmWiped, enrol, refresh } from './auth/enrol';
import { ServiceError, badRequest } from './errors';
import { applyPush } from './sync/push';
import { pullPage } from './sync/pull';

export interface ServerOptions {
  pool: Pool;
  now?: () => Date;
  /** Requests per minute per address on the enrolment and token endpoints. */
  authRateLimit?: number;
  logger?: boolean;
  https?: { key: Buffer; cert: Buffer } | null;
}

interface AuditInfo {
  organisationId: string | null;
  userId: string | null;
  deviceId: string | null;
  cases: string[];
  /** Already written inside the request's own transaction. */
  done?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    audit: AuditInfo;
  }
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body && typeof body === 'object' && 'v' in body && (body as { v: unknown }).v !== PROTOCOL_VERSION) {
    throw new ServiceError(400, 'unsupported_version', `This service speaks sync protocol version ${PROTOCOL_VERSION}. Please update Heard.`);
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const where = r.error.issues[0]?.path.join('.') || 'body';
    throw badRequest(`The request was not in the expected form (at ${where}). Nothing was changed.`);
  }
  return r.data;
}

/** The central sync service. Every request is validated against shared/sync and written to the audit table. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { pool } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024, ...(options.https ? { https: options.https } : {}) } as never) as unknown as FastifyInstance;
  await app.register(rateLimit, { global: false });
  const authLimit = { rateLimit: { max: options.authRateLimit ?? 20, timeWindow: '1 minute' } };

  app.decorateRequest('audit', null as never);
  app.addHook('onRequest', async (req) => {
    req.audit = { organisationId: null, userId: null, deviceId: null, cases: [] };
  });
  // Written before the answer leaves, so nothing a device is told goes unrecorded.
  app.addHook('onSend', async (req, reply, payload) => {
    const a = req.audit;
    if (a.done && reply.raw.statusCode < 400) return payload;
    const cases = a.cases.length ? a.cases : [null];
    try {
      await pool.query(
        `INSERT INTO audit (organisation_id, user_id, device_id, action, case_id, status)
         SELECT $1, $2, $3, $4, c, $5 FROM unnest($6::text[]) AS c`,
        [a.organisationId, a.userId, a.deviceId, `${req.method} ${req.routeOptions.url ?? 'unknown'}`, reply.raw.statusCode, cases],
      );
    } catch (e) {
      req.log.error({ err: e }, 'audit write failed');
    }
    return payload;
  });

  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const e = (err ?? {}) as { statusCode?: number; code?: unknown; audit?: Omit<AuditInfo, 'cases'> };
    if (e.audit) Object.assign(req.audit, e.audit);
    if (err instanceof ServiceError) return reply.status(err.status).send(err.body());
    const status = e.statusCode ?? 500;
    if (status === 413) return reply.status(413).send(new ServiceError(413, 'too_large', 'The request was too large. Nothing was changed.').body());
    if (status === 429) return reply.status(429).send(new ServiceError(429, 'rate_limited', 'Too many attempts. Please wait a minute and try again.').body());
    if (status >= 400 && status < 500) return reply.status(status).send(badRequest('The request could not be read. Nothing was changed.').body());
    // PostgreSQL text a record could not be stored as (a null character in a note, say).
    if (e.code === '22P05' || e.code === '22021') return reply.status(400).send(badRequest('A change held a character the service cannot store (such as a null character). Nothing was changed.').body());
    // The kind and code only: a database error's detail can quote the values it was given.
    req.log.error({ kind: err instanceof Error ? err.name : typeof err, code: typeof e.code === 'string' ? e.code : undefined }, 'request failed');
    return reply.status(500).send(new ServiceError(500, 'internal', 'The service had a problem. Nothing was changed; try again later.').body());
  });
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ v: PROTOCOL_VERSION, error: { code: 'not_found', message: 'No such endpoint.' } }));

  const signedIn = async (req: FastifyRequest): Promise<DeviceIdentity> => {
    const who = await authenticate(pool, req.headers.authorization, now());
    Object.assign(req.audit, { organisationId: who.organisationId, userId: who.userId, deviceId: who.deviceId });
    return who;
  };

  app.get('/v1/health', async () => ({ v: PROTOCOL_VERSION, ok: true }));

  app.post('/v1/enrol', { config: authLimit }, async (req) => {
    const out = await enrol(pool, parse(enrolRequestSchema, req.body), now());
    Object.assign(req.audit, out.audit);
    return out.body;
  });

  app.post('/v1/token', { config: authLimit }, async (req) => {
    const out = await refresh(pool, parse(tokenRequestSchema, req.body).refreshToken, now());
    Object.assign(req.audit, out.audit);
    return out.body;
  });

  app.post('/v1/wiped', { config: authLimit }, async (req) => {
    const out = await confirmWiped(pool, parse(tokenRequestSchema, req.body).refreshToken, now());
    Object.assign(req.audit, out.audit);
    return out.body;
  });

  app.post('/v1/push', { bodyLimit: MAX_PUSH_BYTES }, async (req) => {
    const who = await signedIn(req);
    const out = await applyPush(pool, who, parse(pushRequestSchema, req.body), now());
    req.audit.cases = out.cases;
    req.audit.done = out.audited;
    return out.body;
  });

  app.post('/v1/pull', async (req) => {
    const who = await signedIn(req);
    const out = await pullPage(pool, who, parse(pullRequestSchema, req.body), now());
    req.audit.cases = out.cases;
    req.audit.done = out.audited;
    return out.body;
  });

  return app;
}
