import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { SealedValue } from '../../../shared/sync/offservice';

/*
 * Seals one synced value as docs/e2e.md (Values) describes: AES-256-GCM under the epoch's value
 * key with the value's place as associated data, and a keyed MAC the service can compare.
 * MERGE NOTE: this is the one place the conversion calls sealing (`sealerFor`; `sealValue` and
 * `openValue` for tests); helper "values" builds the same envelope in shared/sync/envelope.ts and
 * electron/core/e2e/values.ts, which replace these bodies when the branches are joined.
 */

/** Where a value belongs; a value moved anywhere else does not open. */
export interface ValuePlace {
  organisationId: string;
  entity: string;
  entityId: string;
  field: string;
  caseId: string | null;
  mutationId: string;
}

const b64 = (b: Buffer) => b.toString('base64url');

function keysFor(dataKey: Buffer, organisationId: string): { enc: Buffer; mac: Buffer } {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(organisationId, 'utf8'), Buffer.from(info, 'utf8'), 32));
  return { enc: derive('heard/values/enc'), mac: derive('heard/values/mac') };
}

const aad = (p: ValuePlace) => Buffer.from(JSON.stringify(['heard/v1', p.organisationId, p.entity, p.entityId, p.field, p.caseId, p.mutationId]), 'utf8');

export function sealValue(key: { epoch: number; key: Buffer }, place: ValuePlace, value: unknown): SealedValue {
  return sealerFor(key, place.organisationId)(place, value);
}

/** Sealing many values: the keys are derived once. */
export function sealerFor(key: { epoch: number; key: Buffer }, organisationId: string): (place: ValuePlace, value: unknown) => SealedValue {
  const { enc, mac } = keysFor(key.key, organisationId);
  return (place, value) => {
    if (place.organisationId !== organisationId) throw new Error('A value was to be sealed for another organisation.');
    return seal(key.epoch, enc, mac, place, value);
  };
}

function seal(epoch: number, enc: Buffer, mac: Buffer, place: ValuePlace, value: unknown): SealedValue {
  const json = JSON.stringify(value ?? null);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', enc, nonce);
  cipher.setAAD(aad(place));
  const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const m = createHmac('sha256', mac).update(JSON.stringify([place.entity, place.entityId, place.field, place.caseId, json])).digest().subarray(0, 16);
  return { $e2e: 1, ep: epoch, mid: place.mutationId, n: b64(nonce), c: b64(body), m: b64(m) };
}

/** Opens a sealed value at its place; null when it does not open there (moved, altered, or another key). */
export function openValue(dataKey: Buffer, place: Omit<ValuePlace, 'mutationId'>, sealed: SealedValue): { value: unknown } | null {
  const { enc } = keysFor(dataKey, place.organisationId);
  const body = Buffer.from(sealed.c, 'base64url');
  if (body.length < 17) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', enc, Buffer.from(sealed.n, 'base64url'));
    d.setAAD(aad({ ...place, mutationId: sealed.mid }));
    d.setAuthTag(body.subarray(body.length - 16));
    const json = Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]).toString('utf8');
    return { value: JSON.parse(json) as unknown };
  } catch {
    return null;
  }
}
