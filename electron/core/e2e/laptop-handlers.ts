import type { laptopsMethods } from '../../../shared/ipc/laptops';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreContext, HandlersFor } from '../ipc/handler-types';
import { fingerprint } from './admission';
import { approveLaptop, issueLaptopCode, listLaptops, refuseLaptop, setLaptopStatus, type LaptopsCtx } from './laptops';
import { clearRecoveryToPrint, deviceKeys, recoveryToPrint } from './local-state';
import { e2eMode } from './mode';
import { restoreFromRecovery } from './recovery';

function laptops(ctx: CoreContext): LaptopsCtx {
  const account = ctx.sync.account();
  if (!account) throw new AppError('conflict', 'This computer is not connected to a service.');
  if (account.role === 'advocate') throw new AppError('forbidden', 'Only a manager can do this.');
  return { db: ctx.db(), account, call: (fn) => ctx.sync.withService(fn), now: () => ctx.now() };
}

const done = { ok: true as const };
/** A sync soon after, so a rotation that fell due or a key just given reaches the laptops. */
const syncSoon = (ctx: CoreContext) => ctx.sync.syncNow('sync.automatic').catch(() => {});

export const laptopHandlers: HandlersFor<keyof typeof laptopsMethods> = {
  'laptops.list': (_input, ctx) => listLaptops(laptops(ctx)),
  'laptops.issueCode': (input, ctx) => issueLaptopCode(laptops(ctx), input.userId),
  'laptops.approve': async (input, ctx) => {
    await approveLaptop(laptops(ctx), input.deviceId, input.fingerprint);
    return done;
  },
  'laptops.refuse': async (input, ctx) => {
    await refuseLaptop(laptops(ctx), input.deviceId);
    return done;
  },
  'laptops.setStatus': async (input, ctx) => {
    await setLaptopStatus(laptops(ctx), input.deviceId, input.action);
    void syncSoon(ctx);
    return done;
  },
  'laptops.recoveryKey': (_input, ctx) => {
    laptops(ctx);
    return { key: recoveryToPrint(ctx.db()) };
  },
  'laptops.recoveryKeyPrinted': (_input, ctx) => {
    laptops(ctx);
    clearRecoveryToPrint(ctx.db());
    return done;
  },
  'laptops.restore': async (input, ctx) => {
    const out = await restoreFromRecovery(laptops(ctx), input.recoveryKey);
    void syncSoon(ctx);
    return out;
  },
  'laptops.ownKey': (_input, ctx) => {
    const keys = deviceKeys(ctx.db());
    return { fingerprint: keys ? fingerprint(keys.publicKey) : null, mode: e2eMode(ctx.db()) };
  },
};
