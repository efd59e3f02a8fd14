import type { vaultMethods } from '../../../shared/ipc/vault';
import type { settingsMethods } from '../../../shared/ipc/settings';
import type { HandlersFor } from './handler-types';

export const vaultHandlers: HandlersFor<keyof typeof vaultMethods> = {
  'vault.status': (_input, ctx) => ctx.vault.status(),
  'vault.setup': (input, ctx) => ctx.vault.setup(input.passphrase),
  'vault.unlock': (input, ctx) => ctx.vault.unlock(input.passphrase),
  'vault.lock': (input, ctx) => ctx.vault.lock(input.reason),
  'vault.checkPassphrase': async (input, ctx) => ({ correct: await ctx.vault.checkPassphrase(input.passphrase) }),
  'vault.changePassphrase': async (input, ctx) => {
    await ctx.vault.changePassphrase(input.current, input.next);
    return { changed: true as const };
  },
};

export const settingsHandlers: HandlersFor<keyof typeof settingsMethods> = {
  'settings.get': (_input, ctx) => ctx.settings.get(),
  'settings.update': (input, ctx) => ctx.settings.update(input),
};
