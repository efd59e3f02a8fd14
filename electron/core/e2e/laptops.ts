import { AppError } from '../../../shared/ipc/errors';
import type { Db } from '../db/database';
import type { Account } from '../sync/account';
import { combinedCode, fingerprint, newEnrolmentSecret } from './admission';
import { currentOrgKey } from './keyring';
import { keysApi, type ServiceCall } from './keys-api';
import { ensureDeviceKeys, issuedSecret, markSecretUsed, saveIssuedSecret } from './local-state';
import { shareRoster, tagMatches, type ManagerCtx } from './manager-keys';
import { recoveryKeyDiffers, recoveryKeyDiffersMessage } from './recovery-pin';
import { admittedKey, mergeRoster, removeFromRoster } from './roster';
import { wrapEpochsFor } from './wraps';

/** A manager's laptop's view of the service, for the Laptops screen (electron/core/e2e/laptop-handlers.ts). */
export interface LaptopsCtx {
  db: Db;
  account: Account;
  call: ServiceCall;
  now(): Date;
}

export async function managerCtx(c: LaptopsCtx): Promise<ManagerCtx> {
  if (c.account.role === 'advocate') throw new AppError('forbidden', 'Only a manager can do this.');
  const keys = await ensureDeviceKeys(c.db, c.now());
  return {
    db: c.db,
    api: keysApi(c.call),
    organisationId: c.account.organisation_id,
    deviceId: c.account.device_id,
    userId: c.account.user_id,
    keys,
    now: c.now,
  };
}

/** The service's part and a secret part made here, shown once together; the secret never leaves this laptop. */
export async function issueLaptopCode(
  c: LaptopsCtx,
  userId: string,
): Promise<{ code: string; expiresAt: string; userName: string }> {
  const m = await managerCtx(c);
  const person = (await m.api.users()).find((u) => u.id === userId);
  if (!person) throw new AppError('not_found', 'There is no such person at your service.');
  const issued = await m.api.issueCode(userId);
  const secret = newEnrolmentSecret();
  saveIssuedSecret(
    c.db,
    { codeId: issued.codeId, userId, userName: person.name, secret, expiresAt: issued.expiresAt },
    c.now(),
  );
  return { code: combinedCode(issued.code, secret), expiresAt: issued.expiresAt, userName: person.name };
}

export interface LaptopView {
  deviceId: string;
  name: string;
  userName: string;
  role: string;
  status: string;
  lastSeenAt: string | null;
  clockOffsetMs: number | null;
  fingerprint: string | null;
  /** Holds the organisation's newest key. */
  holdsKey: boolean;
  /** Waiting for a manager to compare fingerprints before it is given the key. */
  waiting: boolean;
  /** Its enrolment tag did not match the code this laptop issued: probably not the laptop the code was for. */
  tagRefused: boolean;
  thisLaptop: boolean;
}

export async function listLaptops(c: LaptopsCtx): Promise<{
  laptops: LaptopView[];
  currentEpoch: number | null;
  recoveryKeyProblem: string | null;
  users: { id: string; name: string; role: string }[];
}> {
  const m = await managerCtx(c);
  const [status, laptops, users] = await Promise.all([m.api.status(), m.api.laptops(), m.api.users()]);
  const current = status.currentEpoch;
  const keyed = new Map((status.devices ?? []).map((d) => [d.deviceId, d]));
  const views = laptops.map((l): LaptopView => {
    const d = keyed.get(l.deviceId);
    const onRoster = admittedKey(c.db, l.deviceId);
    const waiting = !!d && current !== null && (d.heldEpoch ?? 0) < current && !onRoster && l.deviceId !== m.deviceId;
    const issued = d?.codeId ? issuedSecret(c.db, d.codeId) : null;
    const tagRefused = waiting && !!issued && !!d.enrolmentTag && !tagMatches(m.organisationId, d, issued);
    return {
      deviceId: l.deviceId,
      name: l.name,
      userName: l.userName,
      role: l.role,
      status: l.status,
      lastSeenAt: l.lastSeenAt,
      clockOffsetMs: l.clockOffsetMs,
      fingerprint: l.publicKey ? fingerprint(Buffer.from(l.publicKey, 'base64url')) : null,
      holdsKey: current !== null && l.heldEpoch === current,
      waiting,
      tagRefused,
      thisLaptop: l.deviceId === m.deviceId,
    };
  });
  const recoveryKeyProblem =
    current !== null && recoveryKeyDiffers(c.db, status.recoveryPublicKey) ? recoveryKeyDiffersMessage : null;
  return { laptops: views, currentEpoch: current, recoveryKeyProblem, users };
}

/**
 * The manager has compared the fingerprint on both screens: every epoch is wrapped to that laptop.
 * The fingerprint the manager saw is checked again against the key the service gives now, so a
 * key swapped in between is not admitted.
 */
export async function approveLaptop(c: LaptopsCtx, deviceId: string, seenFingerprint: string): Promise<void> {
  const m = await managerCtx(c);
  if (!currentOrgKey(c.db))
    throw new AppError(
      'conflict',
      'This laptop does not hold the organisation’s key yet, so it cannot give it to another.',
    );
  const status = await m.api.status();
  const d = (status.devices ?? []).find((x) => x.deviceId === deviceId);
  if (!d) throw new AppError('not_found', 'That laptop is no longer waiting for the key.');
  if (fingerprint(Buffer.from(d.publicKey, 'base64url')) !== seenFingerprint)
    throw new AppError(
      'conflict',
      'The laptop’s code has changed since you compared it. Nothing was given; compare the codes again.',
    );
  const known = admittedKey(c.db, deviceId);
  if (known && (known.removed || known.publicKey !== d.publicKey))
    throw new AppError(
      'conflict',
      'That laptop was taken off your organisation’s list and cannot be given the key again. Connect it again with a new code.',
    );
  // A laptop that sent a tag holds a code's secret and takes only a key that secret vouches for.
  const issued = d.enrolmentTag && d.codeId ? issuedSecret(c.db, d.codeId) : null;
  if (d.enrolmentTag && !issued)
    throw new AppError(
      'conflict',
      'That laptop was connected with a code another manager’s laptop issued. It is given the key when that laptop next syncs.',
    );
  if (issued && !tagMatches(m.organisationId, d, issued))
    throw new AppError(
      'conflict',
      'That laptop did not match the code you issued, so it may not be the laptop you gave the code to. Choose “Not this laptop” and give the person a new code.',
    );
  await m.api.addWraps(await wrapEpochsFor(c.db, m.organisationId, deviceId, d.publicKey, 1, issued?.secret ?? null));
  if (issued) markSecretUsed(c.db, issued.code_id, deviceId, c.now());
  mergeRoster(c.db, [
    {
      deviceId,
      publicKey: d.publicKey,
      userId: d.userId,
      admittedBy: m.deviceId,
      how: issued ? 'code' : 'fingerprint',
      admittedAt: c.now().toISOString(),
      removedAt: null,
    },
  ]);
  await shareRoster(m, status.roster?.version ?? 0);
}

/** "Not this laptop": disconnected at the service, and kept off the roster for good. */
export async function refuseLaptop(c: LaptopsCtx, deviceId: string): Promise<void> {
  const m = await managerCtx(c);
  const status = await m.api.status();
  const d = (status.devices ?? []).find((x) => x.deviceId === deviceId);
  await m.api.setLaptopStatus(deviceId, 'revoke');
  if (d)
    mergeRoster(c.db, [
      {
        deviceId,
        publicKey: d.publicKey,
        userId: d.userId,
        admittedBy: m.deviceId,
        how: 'fingerprint',
        admittedAt: c.now().toISOString(),
        removedAt: c.now().toISOString(),
      },
    ]);
  await shareRoster(m, status.roster?.version ?? 0);
}

/** Revoke or wipe; the next sync of a manager's laptop makes a new key if that laptop held the current one. */
export async function setLaptopStatus(c: LaptopsCtx, deviceId: string, action: 'revoke' | 'wipe'): Promise<void> {
  const m = await managerCtx(c);
  await m.api.setLaptopStatus(deviceId, action);
  if (removeFromRoster(c.db, deviceId, c.now())) {
    const status = await m.api.status();
    await shareRoster(m, status.roster?.version ?? 0);
  }
}
