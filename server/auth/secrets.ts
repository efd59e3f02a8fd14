import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer secret: 32 random bytes, URL-safe. Only its hash is ever stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const h = hashSecret(secret);
  return h.length === storedHash.length && timingSafeEqual(h, storedHash);
}

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/**
 * An enrolment code people can read out and type: 16 characters from an alphabet without look-alikes
 * (about 78 bits), shown in groups of four. Case and dashes are ignored when it is entered.
 */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(16);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return s.match(/.{4}/g)!.join('-');
}

export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
