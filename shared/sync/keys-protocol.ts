import { z } from 'zod';
import { PROTOCOL_VERSION, roleSchema, uuidSchema } from './protocol';

/**
 * The wire format of end-to-end encryption's keys (docs/e2e.md). The service only ever holds public
 * keys, keys wrapped to a public key, and the roster sealed under the organisation key. Requests are
 * strict; answers are read loosely, as in protocol.ts.
 */
const version = z.literal(PROTOCOL_VERSION);
const b64url = (bytes: number) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]+$/);

/** An X25519 public key, 32 bytes. */
export const publicKeySchema = b64url(32);
/** HMAC-SHA256 tags and proofs, 32 bytes. */
export const macSchema = b64url(32);
/** A 32-byte key wrapped with HPKE: the 32-byte encapsulated key, then 32 bytes of ciphertext and a 16-byte tag. */
export const wrappedKeySchema = b64url(80);
const epochSchema = z.number().int().min(1).max(1_000_000);
/** The sealed roster: nonce, ciphertext and tag; room for some hundreds of laptops. */
export const MAX_SEALED_ROSTER = 60_000;

export const uploadPublicKeyRequestSchema = z.strictObject({
  v: version,
  publicKey: publicKeySchema,
  /** HMAC(enrolment secret, organisation|device|public key), for laptops enrolled with a manager-issued code. */
  enrolmentTag: macSchema.optional(),
});
export type UploadPublicKeyRequest = z.infer<typeof uploadPublicKeyRequestSchema>;

export const emptyKeysRequestSchema = z.strictObject({ v: version });

/** An epoch's key wrapped to one laptop. `proof` lets the laptop check who wrapped it (docs/e2e.md, Admitting a laptop). */
export const deviceWrapSchema = z.strictObject({
  epoch: epochSchema,
  deviceId: uuidSchema,
  wrapped: wrappedKeySchema,
  proof: macSchema,
});
export type DeviceWrap = z.infer<typeof deviceWrapSchema>;

export const createEpochRequestSchema = z.strictObject({
  v: version,
  epoch: epochSchema,
  /** Must include the creating laptop's own. */
  wraps: z.array(deviceWrapSchema).min(1).max(1000),
  /** The new epoch wrapped to the recovery key; required once the organisation has one. */
  recoveryWrap: wrappedKeySchema.optional(),
  /** Set with the first epoch, once. */
  recoveryPublicKey: publicKeySchema.optional(),
});
export type CreateEpochRequest = z.infer<typeof createEpochRequestSchema>;

export const addWrapsRequestSchema = z.strictObject({ v: version, wraps: z.array(deviceWrapSchema).min(1).max(1000) });

export const rosterRequestSchema = z.strictObject({
  v: version,
  epoch: epochSchema,
  /** Grows with every change, so an older copy is never put back over a newer one. */
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  sealed: z
    .string()
    .min(1)
    .max(MAX_SEALED_ROSTER)
    .regex(/^[A-Za-z0-9_-]+$/),
});
export type RosterRequest = z.infer<typeof rosterRequestSchema>;

export const issueCodeRequestSchema = z.strictObject({ v: version, userId: uuidSchema });
export const deviceActionRequestSchema = z.strictObject({
  v: version,
  deviceId: uuidSchema,
  action: z.enum(['revoke', 'wipe']),
});

const myWrapSchema = z.object({
  epoch: z.number().int(),
  wrapped: z.string(),
  proof: z.string(),
  wrappedBy: z.string(),
});
/** A laptop that has sent its public key; for managers only. */
const keyedDeviceSchema = z.object({
  deviceId: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  deviceName: z.string(),
  publicKey: z.string(),
  enrolmentTag: z.string().nullable(),
  /** The manager-issued code it enrolled with, when it was one. */
  codeId: z.string().nullable(),
  /** The newest epoch it has been given; null for none. */
  heldEpoch: z.number().int().nullable(),
});
export type KeyedDevice = z.infer<typeof keyedDeviceSchema>;

export const keyStatusResponseSchema = z.object({
  v: version,
  currentEpoch: z.number().int().nullable(),
  rotationDue: z.boolean(),
  recoveryPublicKey: z.string().nullable(),
  publicKeySent: z.boolean(),
  myWraps: z.array(myWrapSchema),
  /** Managers only: every active laptop with a public key, and each epoch wrapped to the recovery key. */
  devices: z.array(keyedDeviceSchema).optional(),
  recoveryWraps: z.array(z.object({ epoch: z.number().int(), wrapped: z.string() })).optional(),
  roster: z.object({ epoch: z.number().int(), version: z.number().int(), sealed: z.string() }).nullable().optional(),
});
export type KeyStatus = z.infer<typeof keyStatusResponseSchema>;

export const okResponseSchema = z.object({ v: version, ok: z.literal(true) });

export const issueCodeResponseSchema = z.object({
  v: version,
  codeId: z.string(),
  code: z.string(),
  expiresAt: z.string(),
});
export type IssuedCode = z.infer<typeof issueCodeResponseSchema>;

export const serviceUsersResponseSchema = z.object({
  v: version,
  users: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
});

export const laptopSchema = z.object({
  deviceId: z.string(),
  name: z.string(),
  userId: z.string(),
  userName: z.string(),
  role: z.string(),
  status: z.string(),
  lastSeenAt: z.string().nullable(),
  clockOffsetMs: z.number().nullable(),
  publicKey: z.string().nullable(),
  heldEpoch: z.number().int().nullable(),
});
export type ServiceLaptop = z.infer<typeof laptopSchema>;
export const laptopsResponseSchema = z.object({ v: version, laptops: z.array(laptopSchema) });
