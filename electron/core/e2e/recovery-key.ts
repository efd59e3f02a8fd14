import { randomBytes } from 'node:crypto';
import { fromBase32, toBase32 } from './base32';

/**
 * The printed recovery key: 32 random bytes, the seed of an X25519 pair (hpke-wrap.ts) whose
 * public half the service holds. Shown as 52 base32 characters in groups of four; typed back in any
 * case, with or without dashes and spaces.
 */
export function newRecoverySeed(): Buffer {
  return randomBytes(32);
}

export function formatRecoveryKey(seed: Buffer): string {
  return toBase32(seed)
    .match(/.{1,4}/g)!
    .join('-');
}

export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return clean.length === 52 ? fromBase32(clean, 32) : null;
}
