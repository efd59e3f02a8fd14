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
import { DEFAULT_ACCESS_LIMITS, type AccessLimits } from './sync/access';
import { DEFAULT_DEVICE_RATE_LIMITS, DeviceRateLimiter, RateLimitedError, type DeviceRateLimits } from './sync/device-limits';
import { applyPush } from './sync/push';
import { pullPage } from './sync/pull';
import { registerManagerRoutes } from './manager-routes';

export interface ServerOptions {
  pool: Pool;
  now?: () => Date;
  /** Requests per minute per address on the enrolment and token endpoints. */
  authRateLimit?: number;
  logger?: boolean;
  /** Per-device limits on push and pull requests (429 with Retry-After beyond them). */
  deviceRateLimits?: DeviceRateLimits;
  /** How many new cases one device may make in an hour. */
  accessLimits?: AccessLimits;
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

export function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body && typeof body === 'object' && 'v' in body && (body as { v: unknown }).v !== PROTOCOL_VERSION) {
    throw new ServiceError(400, 'unsupported_version', `This service speaks sync protocol version ${PROTOCOL_VERSION}. Please update Heard.`);
  }
  const r = schema.safeParse(body);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    // A value the service cannot store gets its own words, so the person knows what to change.
    if (issue?.code === 'custom' && issue.params?.valueProblem) throw badRequest(`${issue.message} Nothing was changed (at ${where}).`);
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
  const limiter = new DeviceRateLimiter(options.deviceRateLimits ?? DEFAULT_DEVICE_RATE_LIMITS);
  const accessLimits = options.accessLimits ?? DEFAULT_ACCESS_LIMITS;
  const authLimit = { rateLimit: { max: options.authRateLimit ?? 20, timeWindow: '1 minute' } };

  app.decorateRequest('audit', null as never);
  app.addHook('onRequest', async (req) => {
    req.audit = { organisationId: null, userId: null, deviceId: null, cases: [] };
  });
  // Written before the answer leaves, so nothing a device is told goes unrecorded.
  app.addHook('onSend', async (req, reply, payload) => {
    const a = req.audit;
    if (a.done && reply.raw.statusCode < 400) return payload;
    // One row a request, naming its case when it touched exactly one.
    try {
      await pool.query(
        'INSERT INTO audit (organisation_id, user_id, device_id, action, case_id, status, case_count) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [a.organisationId, a.userId, a.deviceId, `${req.method} ${req.routeOptions.url ?? 'unknown'}`, a.cases.length === 1 ? a.cases[0] : null, reply.raw.statusCode, a.cases.length],
      );
    } catch (e) {
      req.log.error({ err: e }, 'audit write failed');
    }
    return payload;
  });

  app.setErrorHandler((err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const e = (err ?? {}) as { statusCode?: number; code?: unknown; audit?: Omit<AuditInfo, 'cases'> };
    if (e.audit) Object.assign(req.audit, e.audit);
    if (err instanceof RateLimitedError) reply.header('retry-after', String(err.retryAfter));
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
    limiter.take('push', who.deviceId, now().getTime());
    const out = await applyPush(pool, who, parse(pushRequestSchema, req.body), now(), accessLimits);
    req.audit.cases = out.cases;
    req.audit.done = out.audited;
    return out.body;
  });

  app.post('/v1/pull', async (req) => {
    const who = await signedIn(req);
    limiter.take('pull', who.deviceId, now().getTime());
    const out = await pullPage(pool, who, parse(pullRequestSchema, req.body), now());
    req.audit.cases = out.cases;
    req.audit.done = out.audited;
    return out.body;
  });

  registerManagerRoutes(app, { pool, now, limiter, signedIn, parse });
  return app;
}
