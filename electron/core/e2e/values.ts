import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import { MAX_VALUE_BYTES } from '../../../shared/sync/safe-json';
import { ENVELOPE_VERSION, isEnvelope, type Envelope } from '../../../shared/sync/envelope';

/**
 * Sealing and opening synced values (docs/e2e.md, Values) with node:crypto only: AES-256-GCM for
 * the value, HKDF-SHA256 to derive the sealing and MAC keys from an epoch's data key, and a
 * truncated HMAC-SHA256 the service compares instead of values.
 */

/** Where a value lives. Sealed into the associated data, so a value moved anywhere else does not open. */
export interface ValuePlace {
  organisationId: string;
  entity: string;
  entityId: string;
  field: string;
  caseId: string | null;
}

/** One epoch's derived keys; the data key itself is not kept here. */
export interface EpochValueKeys {
  epoch: number;
  enc: Buffer;
  mac: Buffer;
}

const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const MAC_BYTES = 16;
const MAX_PADDED_BYTES = 2 * MAX_VALUE_BYTES + 64 - TAG_BYTES;

export function deriveValueKeys(organisationId: string, epoch: number, dataKey: Buffer): EpochValueKeys {
  if (dataKey.length !== 32) throw new Error('An organisation key is 32 bytes.');
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(organisationId, 'utf8'), Buffer.from(info, 'utf8'), 32));
  return { epoch, enc: derive('heard/values/enc'), mac: derive('heard/values/mac') };
}

/**
 * The MAC is bound in too, so the service cannot change the MAC it compares without the value
 * failing to open; a laptop then need not recompute it to trust it.
 */
function associatedData(p: ValuePlace, mutationId: string, mac: string): Buffer {
  return Buffer.from(
    JSON.stringify(['heard/v1', p.organisationId, p.entity, p.entityId, p.field, p.caseId, mutationId, mac]),
    'utf8',
  );
}

/** Nonces are drawn from the CSPRNG a few thousand at a time: one call per value cost more than the cipher. */
const NONCE_POOL = 4096;
let nonces = Buffer.alloc(0);
let nextNonce = 0;
function freshNonce(): Buffer {
  if (nextNonce >= nonces.length) {
    nonces = randomFillSync(Buffer.allocUnsafe(NONCE_BYTES * NONCE_POOL));
    nextNonce = 0;
  }
  const n = nonces.subarray(nextNonce, nextNonce + NONCE_BYTES);
  nextNonce += NONCE_BYTES;
  return n;
}

function macOf(keys: EpochValueKeys, p: ValuePlace, valueJson: string): Buffer {
  return createHmac('sha256', keys.mac)
    .update(JSON.stringify([p.entity, p.entityId, p.field, p.caseId, valueJson]), 'utf8')
    .digest()
    .subarray(0, MAC_BYTES);
}

/**
 * Padded with trailing spaces (JSON.parse ignores them, so opening is unchanged) to a size bucket,
 * because the ciphertext length would otherwise tell the service short coded values apart:
 * "high" from "standard", true from false, "open" from "closed". Multiples of 32 bytes up to 256,
 * then powers of two, so a long note gives away at most its order of size.
 */
export function paddedLength(bytes: number): number {
  if (bytes <= 256) return Math.max(32, Math.ceil(bytes / 32) * 32);
  // Never past what an envelope may carry (MAX_SEALED_CHARS less the tag), so padding cannot make a
  // value the service would take too big to send.
  return Math.max(bytes, Math.min(2 ** Math.ceil(Math.log2(bytes)), MAX_PADDED_BYTES));
}

function padded(json: string): Buffer {
  const raw = Buffer.from(json, 'utf8');
  const out = Buffer.alloc(paddedLength(raw.length), 0x20);
  raw.copy(out);
  return out;
}

/** Seals `value` (any JSON, null included) for its place, under the epoch `keys` belong to. */
export function sealValue(keys: EpochValueKeys, place: ValuePlace, mutationId: string, value: unknown): Envelope {
  // Canonical, so two laptops sealing the same value get the same MAC however they built it; the
  // MAC is over the unpadded JSON so equal values still compare equal.
  const json = canonicalJson(value);
  const m = macOf(keys, place, json).toString('base64url');
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', keys.enc, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(place, mutationId, m));
  const c = Buffer.concat([cipher.update(padded(json)), cipher.final(), cipher.getAuthTag()]);
  return {
    $e2e: ENVELOPE_VERSION,
    ep: keys.epoch,
    mid: mutationId,
    n: nonce.toString('base64url'),
    c: c.toString('base64url'),
    m,
  };
}

/**
 * Why a value was not opened. Never shown with the value (there is none to show):
 * - plain: a value that should have been sealed arrived in the clear (a hostile service can send one);
 * - malformed: not a valid envelope;
 * - unknown_epoch: sealed under an epoch this laptop was never given;
 * - moved: sealed for another mutation than the row names;
 * - altered: it does not open for this place (moved to another record, field, case or
 *   organisation), or it or its MAC was changed.
 */
export type OpenFailure = 'plain' | 'malformed' | 'unknown_epoch' | 'moved' | 'altered';

export type Opened = { ok: true; value: unknown } | { ok: false; why: OpenFailure };

/**
 * Opens an envelope found at `place`. `mutationId`, when the row names the mutation that wrote
 * this very value (a change row), must be the one it was sealed under.
 */
export function openValue(
  keyFor: (epoch: number) => EpochValueKeys | null,
  place: ValuePlace,
  value: unknown,
  mutationId: string | null = null,
): Opened {
  if (!isEnvelope(value))
    return { ok: false, why: value !== null && typeof value === 'object' && '$e2e' in value ? 'malformed' : 'plain' };
  const keys = keyFor(value.ep);
  if (!keys) return { ok: false, why: 'unknown_epoch' };
  if (mutationId !== null && value.mid !== mutationId) return { ok: false, why: 'moved' };
  const nonce = Buffer.from(value.n, 'base64url');
  const sealed = Buffer.from(value.c, 'base64url');
  if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) return { ok: false, why: 'malformed' };
  let json: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.enc, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(place, value.mid, value.m));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    json = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return { ok: false, why: 'altered' };
  }
  return { ok: true, value: JSON.parse(json) as unknown };
}
