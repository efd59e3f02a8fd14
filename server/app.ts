import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
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
import { parse } from './parse-body';
import { registerKeyRoutes } from './keys/routes';
import { registerTeamRoutes } from './team/routes';
import { DEFAULT_ACCESS_LIMITS, type AccessLimits } from './sync/access';
import { DEFAULT_BYTES_PER_DEVICE_PER_DAY, DeviceByteQuota } from './sync/byte-quota';
import {
  DEFAULT_DEVICE_RATE_LIMITS,
  DeviceRateLimiter,
  RateLimitedError,
  type DeviceRateLimits,
  type RateLimit,
} from './sync/device-limits';
import { applyPush } from './sync/push';
import { pullPage } from './sync/pull';
import { DEFAULT_SIGN_IN_FAILURES, SignInFailures } from './sync/sign-in-failures';
import { registerIntakeRoutes } from './forms/intake-routes';
import { registerManagerRoutes } from './manager-routes';
import { DEFAULT_PUBLIC_FORM_LIMITS, registerPublicForms, type PublicFormLimits } from './forms/routes';

export interface ServerOptions {
  pool: Pool;
  now?: () => Date;
  /** Requests per minute per address on the enrolment and token endpoints. */
  authRateLimit?: number;
  /**
   * The keys endpoints (docs/e2e.md); on unless false. Without them the service is one from before
   * encryption, and laptops sync in plain mode (or are given keys directly, as tests do).
   */
  keys?: boolean;
  /** Fastify's logger; a stream to capture its lines (tests check that no record's words reach them). */
  logger?: boolean | { level?: string; stream: { write(line: string): void } };
  /** Per-device limits on push and pull requests (429 with Retry-After beyond them). */
  deviceRateLimits?: Partial<DeviceRateLimits>;
  /** How many new cases one device may make in an hour, and what a former holder's edits may leave. */
  accessLimits?: Partial<AccessLimits>;
  /** Refused sign-ins to push or pull one address may cause before it is turned away unchecked. */
  signInFailures?: RateLimit;
  /** Bytes of pushes one device may send in a UTC day (429 until the next day beyond them). */
  bytesPerDevicePerDay?: number;
  https?: { key: Buffer; cert: Buffer } | null;
  /** Limits on the public referral and feedback forms. */
  publicFormLimits?: PublicFormLimits;
  /** The reverse proxy's addresses (HEARD_TRUST_PROXY), so limits per address see the sender's, not the proxy's. */
  trustProxy?: string | false;
}

interface AuditInfo {
  organisationId: string | null;
  userId: string | null;
  deviceId: string | null;
  cases: string[];
  /** Already written inside the request's own transaction. */
  done?: boolean;
  /** A refused sign-in: counted per address (sign-in-failures.ts), not written a row each. */
  counted?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    audit: AuditInfo;
    /** Who sent a push or pull, checked before its body was read. */
    who: DeviceIdentity | null;
  }
}

/** A feedback link's token is a secret: the log names the route, never the token. */
const LOGGER = {
  serializers: {
    req: (r: { method: string; url: string }) => ({
      method: r.method,
      url: r.url.replace(/\/feedback\/[^/?]+/, '/feedback/[link]'),
    }),
  },
};

/** The central sync service. Every request is validated against shared/sync and written to the audit table. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { pool } = options;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ? { ...LOGGER, ...(typeof options.logger === 'object' ? options.logger : {}) } : false;
  const app = Fastify({
    logger,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 64 * 1024,
    ...(options.https ? { https: options.https } : {}),
  } as never) as unknown as FastifyInstance;
  await app.register(rateLimit, { global: false });
  const limiter = new DeviceRateLimiter({ ...DEFAULT_DEVICE_RATE_LIMITS, ...options.deviceRateLimits });
  const accessLimits = { ...DEFAULT_ACCESS_LIMITS, ...options.accessLimits };
  const failures = new SignInFailures(options.signInFailures ?? DEFAULT_SIGN_IN_FAILURES);
  const quota = new DeviceByteQuota(options.bytesPerDevicePerDay ?? DEFAULT_BYTES_PER_DEVICE_PER_DAY);
  const authLimit = { rateLimit: { max: options.authRateLimit ?? 20, timeWindow: '1 minute' } };

  app.decorateRequest('audit', null as never);
  app.decorateRequest('who', null);
  app.addHook('onRequest', async (req) => {
    req.audit = { organisationId: null, userId: null, deviceId: null, cases: [] };
  });
  const writeFailureSummaries = async (all: boolean) => {
    const done = failures.drain(now().getTime(), all);
    if (!done.length) return;
    await pool
      .query(
        `INSERT INTO audit (action, status, detail) SELECT 'sign-in refused', 401, x FROM unnest($1::text[]) AS x`,
        [
          done.map(
            (f) =>
              `${f.refused} refused sign-in(s) to push or pull from ${f.address} since ${f.since.toISOString()}${f.turnedAway ? `; ${f.turnedAway} more turned away unchecked` : ''}`,
          ),
        ],
      )
      .catch((e: unknown) => app.log.error({ kind: e instanceof Error ? e.name : typeof e }, 'audit write failed'));
  };
  app.addHook('onClose', () => writeFailureSummaries(true));
  /**
   * Push and pull: the token, the per-address and per-device limits and the day's byte quota are
   * checked here, before the body (up to 5 MB) is read, so a stranger or a device over its limits
   * costs the service a lookup at most.
   */
  const signedInGate = (endpoint: keyof DeviceRateLimits) => async (req: FastifyRequest) => {
    const at = now();
    const address = req.ip;
    try {
      failures.check(address, at.getTime());
      req.who = await authenticate(pool, req.headers.authorization, at);
    } catch (e) {
      if (e instanceof ServiceError && (e.status === 401 || e instanceof RateLimitedError)) {
        if (e.status === 401) failures.record(address, at.getTime());
        req.audit.counted = true;
        await writeFailureSummaries(false);
      }
      throw e;
    }
    const who = req.who;
    Object.assign(req.audit, { organisationId: who.organisationId, userId: who.userId, deviceId: who.deviceId });
    limiter.take(endpoint, who.deviceId, at.getTime());
    if (endpoint === 'push') quota.check(who.deviceId, at.getTime());
  };
  // Written before the answer leaves, so nothing a device is told goes unrecorded.
  app.addHook('onSend', async (req, reply, payload) => {
    const a = req.audit;
    if ((a.done && reply.raw.statusCode < 400) || a.counted) return payload;
    // One row a request, naming its case when it touched exactly one.
    try {
      await pool.query(
        'INSERT INTO audit (organisation_id, user_id, device_id, action, case_id, status, case_count) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          a.organisationId,
          a.userId,
          a.deviceId,
          `${req.method} ${req.routeOptions.url ?? 'unknown'}`,
          a.cases.length === 1 ? a.cases[0] : null,
          reply.raw.statusCode,
          a.cases.length,
        ],
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
    if (status === 413)
      return reply
        .status(413)
        .send(new ServiceError(413, 'too_large', 'The request was too large. Nothing was changed.').body());
    if (status === 429)
      return reply
        .status(429)
        .send(new ServiceError(429, 'rate_limited', 'Too many attempts. Please wait a minute and try again.').body());
    if (status >= 400 && status < 500)
      return reply.status(status).send(badRequest('The request could not be read. Nothing was changed.').body());
    // PostgreSQL text a record could not be stored as (a null character in a note, say).
    if (e.code === '22P05' || e.code === '22021')
      return reply
        .status(400)
        .send(
          badRequest(
            'A change held a character the service cannot store (such as a null character). Nothing was changed.',
          ).body(),
        );
    // The kind and code only: a database error's detail can quote the values it was given.
    req.log.error(
      { kind: err instanceof Error ? err.name : typeof err, code: typeof e.code === 'string' ? e.code : undefined },
      'request failed',
    );
    return reply
      .status(500)
      .send(
        new ServiceError(500, 'internal', 'The service had a problem. Nothing was changed; try again later.').body(),
      );
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send({ v: PROTOCOL_VERSION, error: { code: 'not_found', message: 'No such endpoint.' } }),
  );

  const signedIn = (req: FastifyRequest): DeviceIdentity => {
    if (!req.who) throw new ServiceError(401, 'unauthorised', 'This device is not signed in to the service.');
    return req.who;
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

  app.post('/v1/push', { bodyLimit: MAX_PUSH_BYTES, onRequest: signedInGate('push') }, async (req) => {
    const who = signedIn(req);
    // What the device sent counts against its day's quota whatever becomes of it.
    quota.add(
      who.deviceId,
      Number(req.headers['content-length']) || Buffer.byteLength(JSON.stringify(req.body ?? null)),
      now().getTime(),
    );
    const out = await applyPush(pool, who, parse(pushRequestSchema, req.body), now(), accessLimits);
    req.audit.cases = out.cases;
    req.audit.done = out.audited;
    return out.body;
  });

  app.post('/v1/pull', { onRequest: signedInGate('pull') }, async (req) => {
    const who = signedIn(req);
    const out = await pullPage(pool, who, parse(pullRequestSchema, req.body), now());
    req.audit.cases = out.cases;
    req.audit.done = out.audited;
    return out.body;
  });

  // Key and intake requests are small (the default 64 KB body limit), so their gate runs once the body is read.
  const keysGate = signedInGate('keys');
  const smallRequest = async (req: FastifyRequest): Promise<DeviceIdentity> => {
    await keysGate(req);
    return signedIn(req);
  };
  if (options.keys !== false) registerKeyRoutes(app, { pool, now, signedIn: smallRequest, parse });

  registerIntakeRoutes(app, pool, now, smallRequest);
  // A manager's erasure and conversion requests, held to the device's push limits.
  const pushGate = signedInGate('push');
  registerManagerRoutes(app, {
    pool,
    now,
    parse,
    eraseCasesPerDay: accessLimits.eraseCasesPerDay,
    signedIn: async (req) => {
      await pushGate(req);
      return signedIn(req);
    },
  });
  await registerPublicForms(app, pool, now, options.publicFormLimits ?? DEFAULT_PUBLIC_FORM_LIMITS);

  // The managers' People endpoints share the keys endpoints' allowance: both are the managers' screens.
  registerTeamRoutes(app, { pool, now, signedIn: smallRequest });

  return app;
}
