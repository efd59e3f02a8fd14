import { randomBytes } from 'node:crypto';
import type { KeyStatus, KeyedDevice } from '../../../shared/sync/keys-protocol';
import type { Db } from '../db/database';
import { chainKey, enrolmentTag, macEquals, secretKey, wrapProof } from './admission';
import { deviceWrapInfo, publicKeyFromSeed, recoveryWrapInfo, wrapKey } from './hpke-wrap';
import { currentOrgKey, saveOrgKey } from './keyring';
import type { KeysApi } from './keys-api';
import {
  clearRecoveryToPrint,
  issuedSecret,
  markSecretUsed,
  recoveryToPrint,
  rosterVersion,
  saveRecoveryToPrint,
  saveRosterVersion,
  type DeviceKeys,
  type IssuedSecret,
} from './local-state';
import { markEncryptionRequired } from './mode';
import { formatRecoveryKey, newRecoverySeed, parseRecoveryKey } from './recovery-key';
import { pinRecoveryKey, pinnedRecoveryKey, recoveryKeyDiffers } from './recovery-pin';
import {
  admittedKey,
  markRosterShared,
  mergeRoster,
  openRosterWhole,
  rosterEntries,
  sealRoster,
  type RosterEntry,
} from './roster';
import { wrapEpochsFor } from './wraps';

export interface ManagerCtx {
  db: Db;
  api: KeysApi;
  organisationId: string;
  deviceId: string;
  userId: string;
  keys: DeviceKeys;
  now(): Date;
}

const isConflict = (e: unknown) => (e as { status?: number } | null)?.status === 409;

/** The first manager's laptop makes epoch 1 and the recovery key (docs/e2e.md, Keys). */
export async function foundOrganisationKey(c: ManagerCtx, secret: string | null): Promise<boolean> {
  const key = randomBytes(32);
  const recoverySeed = newRecoverySeed();
  // Kept before the service hears of the key, so the recovery key is shown even if this laptop stops here.
  saveRecoveryToPrint(c.db, formatRecoveryKey(recoverySeed));
  const org = c.organisationId;
  const recoveryPublicKey = await publicKeyFromSeed(recoverySeed);
  const wrapped = await wrapKey(c.keys.publicKey, deviceWrapInfo(org, 1, c.deviceId), key);
  try {
    await c.api.createEpoch({
      epoch: 1,
      // Vouched for as any laptop's epoch 1 is, so that if the answer is lost this laptop still takes it back.
      wraps: [
        {
          epoch: 1,
          deviceId: c.deviceId,
          wrapped,
          proof: wrapProof(secret ? secretKey(secret) : key, org, 1, c.deviceId, key).toString('base64url'),
        },
      ],
      recoveryWrap: await wrapKey(recoveryPublicKey, recoveryWrapInfo(org, 1), key),
      recoveryPublicKey: recoveryPublicKey.toString('base64url'),
    });
  } catch (e) {
    // Only a refusal means the key was not made; with no answer at all it may have been, and the
    // recovery key shown must then be this one (checked against the service's at the next sync).
    if (!isConflict(e)) throw e;
    clearRecoveryToPrint(c.db);
    return false;
  }
  c.db
    .transaction(() => {
      saveOrgKey(c.db, { epoch: 1, key }, c.now());
      markEncryptionRequired(c.db);
      pinRecoveryKey(c.db, recoveryPublicKey.toString('base64url'));
      mergeRoster(c.db, [selfEntry(c, 'founder')]);
    })
    .immediate();
  return true;
}

/**
 * A recovery key waiting to be printed that is not the organisation's (another manager's laptop was
 * first while this one's answer was lost) is dropped. The founder's own, kept when the service took
 * it, is never dropped because the service later names another: that is the service's doing.
 */
export async function dropStaleRecoveryKey(db: Db, recoveryPublicKey: string | null): Promise<void> {
  const text = recoveryToPrint(db);
  if (!text || !recoveryPublicKey) return;
  const seed = parseRecoveryKey(text);
  const mine = seed ? (await publicKeyFromSeed(seed)).toString('base64url') : null;
  // A first key made while its answer was lost, now confirmed by the service: this laptop founded it.
  if (mine === recoveryPublicKey && !pinnedRecoveryKey(db)) pinRecoveryKey(db, mine);
  if (mine !== recoveryPublicKey && mine !== pinnedRecoveryKey(db)) clearRecoveryToPrint(db);
}

function selfEntry(c: ManagerCtx, how: RosterEntry['how']): RosterEntry {
  return {
    deviceId: c.deviceId,
    publicKey: c.keys.publicKey.toString('base64url'),
    userId: c.userId,
    admittedBy: c.deviceId,
    how,
    admittedAt: c.now().toISOString(),
    removedAt: null,
  };
}

/** Takes in the roster other managers' laptops have shared, when it is newer than the one seen here. */
export function takeSharedRoster(c: ManagerCtx, shared: KeyStatus['roster']): boolean {
  if (!shared || shared.version <= rosterVersion(c.db)) return false;
  // Only under the newest epoch held: a laptop shut out by a rotation still holds the older ones
  // and could, with the service, seal a roster that lets itself back in.
  const newest = currentOrgKey(c.db);
  if (!newest || shared.epoch !== newest.epoch) return false;
  const key = newest.key;
  const whole = key ? openRosterWhole(shared.sealed, c.organisationId, shared.epoch, key, shared.version) : null;
  if (!whole) return false;
  return c.db
    .transaction(() => {
      saveRosterVersion(c.db, shared.version);
      if (whole.recoveryPublicKey) pinRecoveryKey(c.db, whole.recoveryPublicKey);
      return mergeRoster(c.db, whole.entries);
    })
    .immediate();
}

/** Shares this laptop's roster, sealed under the current epoch. A newer one already there is taken in next time. */
export async function shareRoster(c: ManagerCtx, remoteVersion: number): Promise<void> {
  const current = currentOrgKey(c.db);
  if (!current) return;
  const version = Math.max(rosterVersion(c.db), remoteVersion) + 1;
  const sealed = sealRoster(
    rosterEntries(c.db),
    c.organisationId,
    current.epoch,
    current.key,
    version,
    pinnedRecoveryKey(c.db),
  );
  try {
    await c.api.putRoster({ epoch: current.epoch, version, sealed });
    c.db
      .transaction(() => {
        saveRosterVersion(c.db, version);
        markRosterShared(c.db);
      })
      .immediate();
  } catch (e) {
    if (!isConflict(e)) throw e;
  }
}

/**
 * A laptop that held the current key has gone: a new epoch, wrapped for every laptop on the roster
 * the service still lists as active, and for the recovery key. Laptops on the roster the service
 * no longer lists are taken off it, so the service cannot bring one back later.
 */
export async function rotate(c: ManagerCtx, status: KeyStatus): Promise<boolean> {
  const current = currentOrgKey(c.db);
  if (!current || current.epoch !== status.currentEpoch) return false;
  // Never wrapped to a recovery key other than the organisation's (the Laptops screen says why).
  if (recoveryKeyDiffers(c.db, status.recoveryPublicKey)) return false;
  // A manager's laptop from before the roster carried it takes the service's word once, as it took the roster's first key.
  if (status.recoveryPublicKey) pinRecoveryKey(c.db, status.recoveryPublicKey);
  const org = c.organisationId;
  const epoch = current.epoch + 1;
  const key = randomBytes(32);
  const listed = new Map((status.devices ?? []).map((d) => [d.deviceId, d]));
  const members = rosterEntries(c.db).filter(
    (e) => !e.removedAt && (e.deviceId === c.deviceId || listed.get(e.deviceId)?.publicKey === e.publicKey),
  );
  if (!members.some((m) => m.deviceId === c.deviceId)) members.push(selfEntry(c, 'founder'));
  const auth = chainKey(current.key, org);
  const wraps = [];
  for (const m of members) {
    const wrapped = await wrapKey(Buffer.from(m.publicKey, 'base64url'), deviceWrapInfo(org, epoch, m.deviceId), key);
    wraps.push({
      epoch,
      deviceId: m.deviceId,
      wrapped,
      proof: wrapProof(auth, org, epoch, m.deviceId, key).toString('base64url'),
    });
  }
  const recovery = status.recoveryPublicKey
    ? await wrapKey(Buffer.from(status.recoveryPublicKey, 'base64url'), recoveryWrapInfo(org, epoch), key)
    : undefined;
  try {
    await c.api.createEpoch({ epoch, wraps, ...(recovery ? { recoveryWrap: recovery } : {}) });
  } catch (e) {
    if (isConflict(e)) return false;
    throw e;
  }
  const kept = new Set(members.map((m) => m.deviceId));
  c.db
    .transaction(() => {
      saveOrgKey(c.db, { epoch, key }, c.now());
      const gone = rosterEntries(c.db).filter((e) => !e.removedAt && !kept.has(e.deviceId));
      mergeRoster(
        c.db,
        gone.map((e) => ({ ...e, removedAt: c.now().toISOString() })),
      );
    })
    .immediate();
  return true;
}

/** The laptop's tag checks against a secret this laptop issued, for the person the code was for. */
export function tagMatches(organisationId: string, d: KeyedDevice, issued: IssuedSecret): boolean {
  if (!d.enrolmentTag || d.userId !== issued.user_id) return false;
  return macEquals(
    d.enrolmentTag,
    enrolmentTag(issued.secret, organisationId, d.deviceId, Buffer.from(d.publicKey, 'base64url')),
  );
}

/** Why a laptop waiting for the key was not admitted here, for the managers' screen. */
export type Waiting = KeyedDevice & { tagRefused: boolean };

/**
 * Gives the key to laptops waiting for it whose enrolment tag checks against a secret this laptop
 * issued, and tops up laptops already on the roster that miss an epoch. The others wait for a
 * manager to compare fingerprints.
 */
export async function admitWaiting(
  c: ManagerCtx,
  status: KeyStatus,
): Promise<{ admitted: number; waiting: Waiting[] }> {
  const current = status.currentEpoch ?? 0;
  const waiting: Waiting[] = [];
  let admitted = 0;
  for (const d of status.devices ?? []) {
    if (d.deviceId === c.deviceId || (d.heldEpoch ?? 0) >= current) continue;
    const known = admittedKey(c.db, d.deviceId);
    if (known) {
      if (known.removed || known.publicKey !== d.publicKey) continue;
      await c.api.addWraps(
        await wrapEpochsFor(c.db, c.organisationId, d.deviceId, d.publicKey, (d.heldEpoch ?? 0) + 1, null),
      );
      continue;
    }
    const issued = d.codeId ? issuedSecret(c.db, d.codeId) : null;
    if (!issued || issued.used_by || !d.enrolmentTag) {
      waiting.push({ ...d, tagRefused: false });
      continue;
    }
    if (!tagMatches(c.organisationId, d, issued)) {
      waiting.push({ ...d, tagRefused: true });
      continue;
    }
    await c.api.addWraps(await wrapEpochsFor(c.db, c.organisationId, d.deviceId, d.publicKey, 1, issued.secret));
    c.db
      .transaction(() => {
        markSecretUsed(c.db, issued.code_id, d.deviceId, c.now());
        mergeRoster(c.db, [
          {
            deviceId: d.deviceId,
            publicKey: d.publicKey,
            userId: d.userId,
            admittedBy: c.deviceId,
            how: 'code',
            admittedAt: c.now().toISOString(),
            removedAt: null,
          },
        ]);
      })
      .immediate();
    admitted++;
  }
  return { admitted, waiting };
}
