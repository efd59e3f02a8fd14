import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { toBase32 } from './base32';

/**
 * The MACs that let a laptop be admitted, and a key be taken, only on the word of someone who
 * never passed it through the service (docs/e2e.md, Admitting a laptop). HMAC-SHA256 throughout.
 */
const normalise = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
/** However the secret was typed (case, dashes, spaces), the same key. */
export const secretKey = (secret: string) => Buffer.from(normalise(secret), 'utf8');

const mac = (key: Uint8Array, parts: (string | number)[]) =>
  createHmac('sha256', key).update(JSON.stringify(parts)).digest();

export function macEquals(a: string, b: Buffer): boolean {
  const x = Buffer.from(a, 'base64url');
  return x.length === b.length && timingSafeEqual(x, b);
}

/** What a laptop enrolled with a manager-issued code sends with its public key. */
export function enrolmentTag(secret: string, organisationId: string, deviceId: string, publicKey: Buffer): Buffer {
  return mac(secretKey(secret), ['heard/enrol/v1', organisationId, deviceId, publicKey.toString('base64url')]);
}

/**
 * A proof beside each wrapped key: a MAC over the key under something the recipient already
 * holds: the enrolment secret (a laptop admitted by code), or the previous epoch's chain key (a
 * rotation). The service holds neither, so it cannot hand a laptop a key of its own making.
 */
export function wrapProof(
  authKey: Uint8Array,
  organisationId: string,
  epoch: number,
  deviceId: string,
  key: Buffer,
): Buffer {
  return mac(authKey, ['heard/wrap-proof/v1', organisationId, epoch, deviceId, key.toString('base64url')]);
}

export function chainKey(previousEpochKey: Buffer, organisationId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', previousEpochKey, Buffer.from(organisationId, 'utf8'), 'heard/epoch-chain', 32),
  );
}

/** A public key's fingerprint as both screens show it: 60 bits of SHA-256 in three groups of four. */
export function fingerprint(publicKey: Buffer): string {
  const s = toBase32(createHash('sha256').update(publicKey).digest(), 12);
  return s.match(/.{4}/g)!.join('-');
}

const SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
/** 16 characters without look-alikes, about 78 bits: the service sees the tag, so the secret must outlast a search. */
export function newEnrolmentSecret(): string {
  let s = '';
  for (const b of randomBytes(16)) s += SECRET_ALPHABET[b % SECRET_ALPHABET.length];
  return s.match(/.{4}/g)!.join('-');
}

/** What a manager reads out or passes on: the service's part and the secret part, together. */
export function combinedCode(serviceCode: string, secret: string): string {
  return `${serviceCode} · secret ${secret}`;
}

/**
 * The connect form's code: a manager-issued one carries "secret" and a second part, which stays on
 * this laptop; a code from the admin command line has none.
 */
export function splitEnrolmentCode(input: string): { serviceCode: string; secret: string | null } {
  const [service, secret] = input.split(/secret/i);
  const s = secret === undefined ? null : normalise(secret);
  return { serviceCode: service!.replace(/[·]/g, ' ').trim(), secret: s ? s : null };
}

export const normaliseSecret = normalise;
