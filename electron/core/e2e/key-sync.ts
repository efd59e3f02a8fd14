import type { Db } from '../db/database';
import type { Account } from '../sync/account';
import { SyncHttpError } from '../sync/transport';
import { enrolmentTag } from './admission';
import { currentOrgKey } from './keyring';
import { keysApi, type ServiceCall } from './keys-api';
import { clearPendingSecret, ensureDeviceKeys, pendingSecret } from './local-state';
import {
  admitWaiting,
  dropStaleRecoveryKey,
  foundOrganisationKey,
  rotate,
  shareRoster,
  takeSharedRoster,
  type ManagerCtx,
} from './manager-keys';
import { markEncryptionRequired } from './mode';
import { mergeRoster, rosterEntries, rosterUnshared } from './roster';
import { receiveWraps } from './wraps';

export interface KeySyncReport {
  /** Epochs of the organisation key this laptop was given in this run. */
  received: number;
  /** Wrapped keys refused: not for this laptop, or not vouched for by anyone holding a key. */
  refused: number;
  /** Laptops this manager's laptop gave the key to by their enrolment code. */
  admitted: number;
  /** Laptops waiting for a manager to compare fingerprints. */
  waiting: number;
  epochMade: number | null;
  /**
   * A manager's laptop found no key anywhere and was asked not to make it yet: the caller makes it
   * (`found: true`) once it has fetched what the service holds in the clear.
   */
  foundingDue: boolean;
}

/**
 * The keys step at the start of every sync (docs/e2e.md): send this laptop's public key once,
 * take the keys wrapped to it, and on a manager's laptop make the first key, share the roster,
 * rotate when due and admit laptops enrolled with a code it issued.
 */
export async function syncKeys(
  db: Db,
  account: Account,
  call: ServiceCall,
  now: () => Date,
  opts: { found: boolean } = { found: true },
): Promise<KeySyncReport> {
  const report: KeySyncReport = {
    received: 0,
    refused: 0,
    admitted: 0,
    waiting: 0,
    epochMade: null,
    foundingDue: false,
  };
  const api = keysApi(call);
  const keys = await ensureDeviceKeys(db, now());
  let status;
  try {
    status = await api.status();
  } catch (e) {
    // A service from before encryption has no keys endpoints: it keeps working in plain mode.
    if (e instanceof SyncHttpError && e.status === 404) return report;
    throw e;
  }
  const secret = pendingSecret(db);
  if (!status.publicKeySent) {
    const tag = secret
      ? enrolmentTag(secret, account.organisation_id, account.device_id, keys.publicKey).toString('base64url')
      : undefined;
    await api.uploadPublicKey(keys.publicKey.toString('base64url'), tag);
  }
  if (status.currentEpoch !== null) markEncryptionRequired(db);
  const got = await receiveWraps(
    db,
    { organisationId: account.organisation_id, deviceId: account.device_id, seed: keys.seed, secret },
    status.myWraps,
    now(),
  );
  report.received = got.accepted;
  report.refused = got.refused;
  if (got.accepted > 0 && secret) clearPendingSecret(db);
  if (account.role === 'advocate') return report;

  const c: ManagerCtx = {
    db,
    api,
    organisationId: account.organisation_id,
    deviceId: account.device_id,
    userId: account.user_id,
    keys,
    now,
  };
  await dropStaleRecoveryKey(db, status.recoveryPublicKey);
  if (status.currentEpoch === null) {
    // A laptop that already holds a key while the service claims none is not believed.
    if (currentOrgKey(db)) return report;
    if (!opts.found) return { ...report, foundingDue: true };
    if (!(await foundOrganisationKey(c, secret))) return report;
    report.epochMade = 1;
    await shareRoster(c, 0);
    return report;
  }
  if (currentOrgKey(db)?.epoch !== status.currentEpoch) return report;
  takeSharedRoster(c, status.roster ?? null);
  // A manager given the key by another keeps itself on the roster it will rotate from.
  if (!rosterEntries(db).some((e) => e.deviceId === account.device_id)) {
    mergeRoster(db, [
      {
        deviceId: account.device_id,
        publicKey: keys.publicKey.toString('base64url'),
        userId: account.user_id,
        admittedBy: account.device_id,
        how: 'fingerprint',
        admittedAt: now().toISOString(),
        removedAt: null,
      },
    ]);
  }
  if (status.rotationDue && (await rotate(c, status))) {
    report.epochMade = status.currentEpoch + 1;
    status = await api.status();
  }
  const admission = await admitWaiting(c, status);
  report.admitted = admission.admitted;
  report.waiting = admission.waiting.length;
  if (rosterUnshared(db)) await shareRoster(c, status.roster?.version ?? 0);
  return report;
}
