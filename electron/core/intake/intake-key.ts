import { hkdfSync, type webcrypto } from 'node:crypto';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { INTAKE_SEED_INFO, intakeAad, intakeInfo, type LinkBinding } from '../../../shared/intake/online-forms';

/**
 * The organisation's intake key pair (docs/e2e.md, Online forms): derived from an epoch's data
 * key, so every holder of that key can open what the public forms sealed and nothing is stored.
 * The same suite as the browser's (seal.js on the service).
 */
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
const utf8 = (s: string) => new TextEncoder().encode(s);
const toArrayBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export interface IntakeKeyPair {
  keyPair: CryptoKeyPair;
  /** The public half, raw X25519 bytes in base64url, as the service publishes it. */
  publicKey: string;
}

export async function deriveIntakeKeyPair(dataKey: Buffer, organisationId: string): Promise<IntakeKeyPair> {
  const seed = Buffer.from(
    hkdfSync('sha256', dataKey, Buffer.from(organisationId, 'utf8'), Buffer.from(INTAKE_SEED_INFO, 'utf8'), 32),
  );
  const keyPair = await suite.kem.deriveKeyPair(toArrayBuffer(seed));
  const publicKey = Buffer.from(await suite.kem.serializePublicKey(keyPair.publicKey)).toString('base64url');
  return { keyPair, publicKey };
}

/** Opens a submission; throws if it was sealed to another key, organisation, form, link or case, or altered. */
export async function openSubmission(
  keyPair: CryptoKeyPair,
  where: { organisationId: string; kind: 'referral' | 'feedback'; link: LinkBinding | null },
  sealed: { enc: string; ct: string },
): Promise<string> {
  const pt = await suite.open(
    {
      recipientKey: keyPair,
      enc: toArrayBuffer(Buffer.from(sealed.enc, 'base64url')),
      info: utf8(intakeInfo(where.organisationId, where.kind)),
    },
    toArrayBuffer(Buffer.from(sealed.ct, 'base64url')),
    utf8(intakeAad(where.link)),
  );
  return new TextDecoder('utf-8', { fatal: true }).decode(pt);
}

/** What the browser does, for tests and the command line: seals answers to a published public key. */
export async function sealForIntake(
  publicKey: string,
  where: { organisationId: string; kind: 'referral' | 'feedback'; link: LinkBinding | null },
  answers: unknown,
): Promise<{ enc: string; ct: string }> {
  const recipientPublicKey = await suite.kem.deserializePublicKey(toArrayBuffer(Buffer.from(publicKey, 'base64url')));
  const { ct, enc } = await suite.seal(
    { recipientPublicKey, info: utf8(intakeInfo(where.organisationId, where.kind)) },
    utf8(JSON.stringify(answers)),
    utf8(intakeAad(where.link)),
  );
  return { enc: Buffer.from(enc).toString('base64url'), ct: Buffer.from(ct).toString('base64url') };
}
