import type { Db } from '../db/database';
import type { DeviceWrap } from '../../../shared/sync/keys-protocol';
import { chainKey, macEquals, secretKey, wrapProof } from './admission';
import { deviceWrapInfo, unwrapKey, wrapKey } from './hpke-wrap';
import { allOrgKeys, orgKeyFor, saveOrgKey } from './keyring';

/**
 * Which key vouches for epoch `epoch` given to a laptop: the enrolment secret when it was admitted
 * by a manager-issued code; else the previous epoch's chain key; epoch 1 to a laptop admitted by
 * fingerprint vouches for itself (docs/e2e.md: such a laptop takes its first key on trust).
 */
export function proofKey(db: Db, organisationId: string, epoch: number, secret: string | null): Buffer {
  if (secret) return secretKey(secret);
  if (epoch === 1) return orgKeyFor(db, 1)!;
  return chainKey(orgKeyFor(db, epoch - 1)!, organisationId);
}

/** Every epoch this laptop holds, from `from` on, wrapped to one laptop's public key. */
export async function wrapEpochsFor(
  db: Db,
  organisationId: string,
  deviceId: string,
  publicKey: string,
  from: number,
  secret: string | null,
): Promise<DeviceWrap[]> {
  const pk = Buffer.from(publicKey, 'base64url');
  const out: DeviceWrap[] = [];
  for (const { epoch, key } of allOrgKeys(db)) {
    if (epoch < from) continue;
    const wrapped = await wrapKey(pk, deviceWrapInfo(organisationId, epoch, deviceId), key);
    out.push({
      epoch,
      deviceId,
      wrapped,
      proof: wrapProof(proofKey(db, organisationId, epoch, secret), organisationId, epoch, deviceId, key).toString(
        'base64url',
      ),
    });
  }
  return out;
}

export interface Received {
  accepted: number;
  /** Wrapped keys that did not open for this laptop or that nobody holding a key vouched for. */
  refused: number;
}

/**
 * Keeps the epochs wrapped to this laptop that open with its own key and carry a proof from
 * someone who holds the enrolment secret or the epoch before. Oldest first, so each epoch can
 * vouch for the next.
 */
export async function receiveWraps(
  db: Db,
  who: { organisationId: string; deviceId: string; seed: Buffer; secret: string | null },
  wraps: { epoch: number; wrapped: string; proof: string }[],
  now: Date,
): Promise<Received> {
  const out: Received = { accepted: 0, refused: 0 };
  const org = who.organisationId;
  for (const w of [...wraps].sort((a, b) => a.epoch - b.epoch)) {
    if (orgKeyFor(db, w.epoch)) continue;
    const key = await unwrapKey(who.seed, deviceWrapInfo(org, w.epoch, who.deviceId), w.wrapped);
    if (!key) {
      out.refused++;
      continue;
    }
    const vouched = (auth: Buffer) => macEquals(w.proof, wrapProof(auth, org, w.epoch, who.deviceId, key));
    const previous = orgKeyFor(db, w.epoch - 1);
    const bySecret = who.secret !== null && vouched(secretKey(who.secret));
    const byChain = previous !== null && vouched(chainKey(previous, org));
    const onTrust = w.epoch === 1 && who.secret === null && allOrgKeys(db).length === 0 && vouched(key);
    if (!(bySecret || byChain || onTrust)) {
      out.refused++;
      continue;
    }
    saveOrgKey(db, { epoch: w.epoch, key }, now);
    out.accepted++;
  }
  return out;
}
