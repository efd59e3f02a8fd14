import { resolve } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { createCore, type Core } from '../app-core';
import { CliError, passphraseFrom, type CliIo } from './io';

/** `--data-dir DIR` is required for every command that touches a store. */
export function dataDirFrom(values: { 'data-dir'?: string | undefined }): string {
  const dir = values['data-dir'];
  if (!dir) throw new CliError('Say which data folder to use with --data-dir DIR.', 2);
  return resolve(dir);
}

/** Opens and unlocks the store for a command; the caller must `core.close()`. */
export async function unlockedCore(dataDir: string, io: CliIo): Promise<Core> {
  const core = createCore({ dataDir });
  const status = core.vault.status();
  if (status.state === 'new') throw new CliError(`There is no Heard store in ${dataDir}. Create one with: npm run heard -- init --data-dir ${dataDir}`, 2);
  if (status.state === 'problem') throw new CliError(status.problem.message, 3);
  try {
    await core.vault.unlock(await passphraseFrom(io));
  } catch (e) {
    if (e instanceof AppError) throw new CliError(e.message, e.code === 'wrong_passphrase' || e.code === 'unlock_delayed' ? 4 : 3);
    throw e;
  }
  return core;
}
