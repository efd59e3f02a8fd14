import { AppError } from '../../../shared/ipc/errors';
import { publicKeyFromSeed, recoveryWrapInfo, unwrapKey } from './hpke-wrap';
import { orgKeyFor, saveOrgKey } from './keyring';
import { managerCtx, type LaptopsCtx } from './laptops';
import { shareRoster, takeSharedRoster } from './manager-keys';
import { markEncryptionRequired } from './mode';
import { parseRecoveryKey } from './recovery-key';
import { pinRecoveryKey } from './recovery-pin';
import { mergeRoster } from './roster';
import { wrapEpochsFor } from './wraps';

/**
 * Every manager's laptop is lost: a manager's laptop newly enrolled by the admin command line takes
 * every epoch from the service's recovery wraps with the printed key (docs/e2e.md, Recovery), gives
 * them to itself on the service, and becomes a key holder that admits the others again.
 */
export async function restoreFromRecovery(c: LaptopsCtx, typed: string): Promise<{ epochs: number }> {
  const m = await managerCtx(c);
  const seed = parseRecoveryKey(typed);
  if (!seed)
    throw new AppError('invalid_input', 'A recovery key is 52 letters and digits. Check you have typed all of it.', {
      fields: { recoveryKey: 'Not a whole recovery key.' },
    });
  const status = await m.api.status();
  if (!status.recoveryPublicKey || !status.recoveryWraps?.length)
    throw new AppError(
      'not_found',
      'Your service holds no recovery key for your organisation, so there is nothing to recover.',
    );
  const publicKey = await publicKeyFromSeed(seed);
  if (publicKey.toString('base64url') !== status.recoveryPublicKey) {
    throw new AppError(
      'invalid_input',
      'That is not your organisation’s recovery key. Check each character against the printed page.',
      { fields: { recoveryKey: 'Does not match.' } },
    );
  }
  const org = m.organisationId;
  const opened: { epoch: number; key: Buffer }[] = [];
  for (const w of [...status.recoveryWraps].sort((a, b) => a.epoch - b.epoch)) {
    const key = await unwrapKey(seed, recoveryWrapInfo(org, w.epoch), w.wrapped);
    if (!key)
      throw new AppError(
        'internal',
        `The service’s copy of key ${w.epoch} does not open with this recovery key. Nothing was changed; contact your service’s administrator.`,
      );
    opened.push({ epoch: w.epoch, key });
  }
  c.db
    .transaction(() => {
      for (const k of opened) if (!orgKeyFor(c.db, k.epoch)) saveOrgKey(c.db, k, c.now());
      markEncryptionRequired(c.db);
      // The printed page is the truth: this laptop now keeps the recovery key the manager typed.
      pinRecoveryKey(c.db, publicKey.toString('base64url'));
      mergeRoster(c.db, [
        {
          deviceId: m.deviceId,
          publicKey: m.keys.publicKey.toString('base64url'),
          userId: m.userId,
          admittedBy: m.deviceId,
          how: 'recovery',
          admittedAt: c.now().toISOString(),
          removedAt: null,
        },
      ]);
    })
    .immediate();
  // Wrapped to this laptop's own key pair, never to the public key the service says is ours: a
  // hostile service would name its own and open every epoch (docs/e2e.md, Recovery).
  const self = (status.devices ?? []).find((d) => d.deviceId === m.deviceId);
  const own = await wrapEpochsFor(
    c.db,
    org,
    m.deviceId,
    m.keys.publicKey.toString('base64url'),
    (self?.heldEpoch ?? 0) + 1,
    null,
  );
  if (own.length) await m.api.addWraps(own);
  takeSharedRoster(m, status.roster ?? null);
  await shareRoster(m, status.roster?.version ?? 0);
  return { epochs: opened.length };
}
