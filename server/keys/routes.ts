import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import {
  addWrapsRequestSchema,
  createEpochRequestSchema,
  deviceActionRequestSchema,
  emptyKeysRequestSchema,
  issueCodeRequestSchema,
  rosterRequestSchema,
  uploadPublicKeyRequestSchema,
} from '../../shared/sync/keys-protocol';
import type { DeviceIdentity } from '../auth/authenticate';
import { ServiceError } from '../errors';
import { addWraps, createEpoch, putRoster, uploadPublicKey } from './epochs';
import { deviceAction, issueCode, listLaptops, listUsers } from './laptops';
import { isManager, keyStatus } from './status';

export interface KeyRouteDeps {
  pool: Pool;
  now(): Date;
  signedIn(req: FastifyRequest): Promise<DeviceIdentity>;
  parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S>;
}

const ok = { v: PROTOCOL_VERSION, ok: true as const };

/**
 * The keys endpoints (docs/e2e.md). Who may do what is decided here from the token alone: any
 * laptop sends its own public key and reads its own wrapped keys; only a manager's laptop wraps
 * keys, makes epochs, issues codes and revokes or wipes laptops.
 */
export function registerKeyRoutes(app: FastifyInstance, deps: KeyRouteDeps): void {
  const { pool, now, signedIn, parse } = deps;
  const manager = async (req: FastifyRequest): Promise<DeviceIdentity> => {
    const who = await signedIn(req);
    if (!isManager(who)) throw new ServiceError(403, 'forbidden', 'Only a manager can do this.');
    return who;
  };

  app.post('/v1/keys/public-key', async (req) => {
    const who = await signedIn(req);
    await uploadPublicKey(pool, who, parse(uploadPublicKeyRequestSchema, req.body), now());
    return ok;
  });

  app.post('/v1/keys/status', async (req) => {
    const who = await signedIn(req);
    parse(emptyKeysRequestSchema, req.body);
    return keyStatus(pool, who);
  });

  app.post('/v1/keys/epochs', async (req) => {
    const who = await manager(req);
    await createEpoch(pool, who, parse(createEpochRequestSchema, req.body), now());
    return ok;
  });

  app.post('/v1/keys/wraps', async (req) => {
    const who = await manager(req);
    await addWraps(pool, who, parse(addWrapsRequestSchema, req.body).wraps, now());
    return ok;
  });

  app.post('/v1/keys/roster', async (req) => {
    const who = await manager(req);
    await putRoster(pool, who, parse(rosterRequestSchema, req.body), now());
    return ok;
  });

  app.post('/v1/keys/codes', async (req) => {
    const who = await manager(req);
    const out = await issueCode(pool, who, parse(issueCodeRequestSchema, req.body).userId, now());
    return { v: PROTOCOL_VERSION, ...out };
  });

  app.post('/v1/keys/users', async (req) => {
    const who = await manager(req);
    parse(emptyKeysRequestSchema, req.body);
    return { v: PROTOCOL_VERSION, users: await listUsers(pool, who) };
  });

  app.post('/v1/keys/laptops', async (req) => {
    const who = await manager(req);
    parse(emptyKeysRequestSchema, req.body);
    return { v: PROTOCOL_VERSION, laptops: await listLaptops(pool, who) };
  });

  app.post('/v1/keys/laptop-status', async (req) => {
    const who = await manager(req);
    const body = parse(deviceActionRequestSchema, req.body);
    await deviceAction(pool, who, body.deviceId, body.action, now());
    return ok;
  });
}
