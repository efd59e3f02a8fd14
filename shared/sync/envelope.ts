import { z } from 'zod';
import { MAX_VALUE_BYTES } from './safe-json';

/**
 * A sealed value as it travels and as the service stores it (docs/e2e.md, Values). Every synced
 * value but `deleted_at` is one of these once an organisation has a key: the service sees its
 * epoch, the mutation it was sealed under, its size and a keyed MAC, never the value.
 * Bytes are base64url without padding; sizes are bounded so a hostile sender cannot make the
 * service hold or compare more than a value could need.
 */
export const ENVELOPE_VERSION = 1;
/** AES-GCM's 12-byte nonce and a 16-byte truncated HMAC, in base64url. */
const NONCE_CHARS = 16;
const MAC_CHARS = 22;
/**
 * The most ciphertext one value may carry: a value the service takes plain (MAX_VALUE_BYTES),
 * with room for its JSON escaping doubling it, plus the tag, in base64url. A sealed value is
 * thus held to the same bound as a plain one, within what encoding adds.
 */
export const MAX_SEALED_CHARS = Math.ceil((2 * MAX_VALUE_BYTES + 64) / 3) * 4;

const b64url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

export const envelopeSchema = z.strictObject({
  $e2e: z.literal(ENVELOPE_VERSION),
  ep: z.number().int().min(1).max(2_147_483_647),
  mid: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  n: b64url(NONCE_CHARS, NONCE_CHARS),
  // At least the 16-byte GCM tag.
  c: b64url(22, MAX_SEALED_CHARS),
  m: b64url(MAC_CHARS, MAC_CHARS),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** Cheap shape test: an object that claims to be an envelope. `envelopeSchema` says whether it is a valid one. */
export function claimsEnvelope(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && '$e2e' in v;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEYS = 6;

/**
 * Exactly `envelopeSchema`, checked by hand: every sealed value passes here on the service and on
 * each laptop, and zod cost as much as the cipher. tests/core/e2e/values.test.ts holds them equal.
 */
export function isEnvelope(v: unknown): v is Envelope {
  if (!claimsEnvelope(v)) return false;
  const e = v as Partial<Record<keyof Envelope, unknown>>;
  if (Object.keys(v).length !== KEYS || e.$e2e !== ENVELOPE_VERSION) return false;
  if (typeof e.ep !== 'number' || !Number.isInteger(e.ep) || e.ep < 1 || e.ep > 2_147_483_647) return false;
  if (typeof e.mid !== 'string' || !UUID.test(e.mid)) return false;
  if (typeof e.n !== 'string' || e.n.length !== NONCE_CHARS || !B64URL.test(e.n)) return false;
  if (typeof e.m !== 'string' || e.m.length !== MAC_CHARS || !B64URL.test(e.m)) return false;
  return typeof e.c === 'string' && e.c.length >= 22 && e.c.length <= MAX_SEALED_CHARS && B64URL.test(e.c);
}

/** The one field that stays plain: the service orders deletions and purges tombstones by it. */
export const PLAIN_FIELD = 'deleted_at';

/** What a plain `deleted_at` may hold: null or a timestamp, so no words can travel in it. */
export const plainDeletedAtSchema = z.union([
  z.null(),
  z
    .string()
    .max(40)
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})$/),
]);
