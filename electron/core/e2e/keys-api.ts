import {
  issueCodeResponseSchema,
  keyStatusResponseSchema,
  laptopsResponseSchema,
  okResponseSchema,
  serviceUsersResponseSchema,
  type CreateEpochRequest,
  type DeviceWrap,
  type IssuedCode,
  type KeyStatus,
  type RosterRequest,
  type ServiceLaptop,
} from '../../../shared/sync/keys-protocol';
import type { SyncApi } from '../sync/transport';

/** Runs a signed-in request, renewing the access token as sync does (SyncClient.withService). */
export type ServiceCall = <T>(fn: (api: SyncApi, token: string) => Promise<T>) => Promise<T>;

/** Typed calls to the keys endpoints (server/keys/routes.ts); each answer is checked against shared/sync/keys-protocol.ts. */
export function keysApi(call: ServiceCall) {
  return {
    status: (): Promise<KeyStatus> => call((api, t) => api.post('/v1/keys/status', {}, keyStatusResponseSchema, t)),
    uploadPublicKey: (publicKey: string, enrolmentTag?: string) =>
      call((api, t) =>
        api.post('/v1/keys/public-key', { publicKey, ...(enrolmentTag ? { enrolmentTag } : {}) }, okResponseSchema, t),
      ),
    createEpoch: (req: Omit<CreateEpochRequest, 'v'>) =>
      call((api, t) => api.post('/v1/keys/epochs', req, okResponseSchema, t)),
    addWraps: async (wraps: DeviceWrap[]) => {
      if (wraps.length) await call((api, t) => api.post('/v1/keys/wraps', { wraps }, okResponseSchema, t));
    },
    putRoster: (req: Omit<RosterRequest, 'v'>) =>
      call((api, t) => api.post('/v1/keys/roster', req, okResponseSchema, t)),
    issueCode: (userId: string): Promise<IssuedCode> =>
      call((api, t) => api.post('/v1/keys/codes', { userId }, issueCodeResponseSchema, t)),
    users: () => call((api, t) => api.post('/v1/keys/users', {}, serviceUsersResponseSchema, t)).then((r) => r.users),
    laptops: (): Promise<ServiceLaptop[]> =>
      call((api, t) => api.post('/v1/keys/laptops', {}, laptopsResponseSchema, t)).then((r) => r.laptops),
    setLaptopStatus: (deviceId: string, action: 'revoke' | 'wipe') =>
      call((api, t) => api.post('/v1/keys/laptop-status', { deviceId, action }, okResponseSchema, t)),
  };
}
export type KeysApi = ReturnType<typeof keysApi>;
