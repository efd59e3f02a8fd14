import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';

/**
 * Wrapping a 32-byte key to an X25519 public key with HPKE (RFC 9180, base mode: DHKEM X25519,
 * HKDF-SHA256, AES-256-GCM). `info` names the organisation, epoch and recipient, so a wrapped key
 * the service moves to another laptop or epoch does not open (docs/e2e.md, Keys).
 */
const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const enc = new TextEncoder();

export const deviceWrapInfo = (organisationId: string, epoch: number, deviceId: string) =>
  JSON.stringify(['heard/wrap/v1', organisationId, epoch, deviceId]);
export const recoveryWrapInfo = (organisationId: string, epoch: number) =>
  JSON.stringify(['heard/recovery/v1', organisationId, epoch]);

/**
 * A key pair is kept as the 32-byte seed it is derived from (RFC 9180 DeriveKeyPair), so nothing
 * but plain bytes is stored and the same pair comes back on every laptop start.
 */
async function pairFromSeed(seed: Uint8Array) {
  return suite.kem.deriveKeyPair(seed.buffer.slice(seed.byteOffset, seed.byteOffset + seed.byteLength) as ArrayBuffer);
}

export async function publicKeyFromSeed(seed: Uint8Array): Promise<Buffer> {
  const pair = await pairFromSeed(seed);
  return Buffer.from(await suite.kem.serializePublicKey(pair.publicKey));
}

export async function wrapKey(recipientPublicKey: Uint8Array, info: string, key: Uint8Array): Promise<string> {
  const pk = await suite.kem.deserializePublicKey(Uint8Array.from(recipientPublicKey).buffer);
  const sealed = await suite.seal({ recipientPublicKey: pk, info: enc.encode(info) }, Uint8Array.from(key).buffer);
  return Buffer.concat([Buffer.from(sealed.enc), Buffer.from(sealed.ct)]).toString('base64url');
}

/** The key, or null when it was not wrapped for this seed and `info` (moved, altered or forged). */
export async function unwrapKey(seed: Uint8Array, info: string, wrapped: string): Promise<Buffer | null> {
  const bytes = Buffer.from(wrapped, 'base64url');
  if (bytes.length !== 80) return null;
  try {
    const pair = await pairFromSeed(seed);
    const pt = await suite.open(
      { recipientKey: pair, enc: Uint8Array.from(bytes.subarray(0, 32)).buffer, info: enc.encode(info) },
      Uint8Array.from(bytes.subarray(32)).buffer,
    );
    const key = Buffer.from(pt);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}
