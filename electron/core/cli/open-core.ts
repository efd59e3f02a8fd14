import { resolve } from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/ipc/contract';
import { AppError, type AppErrorShape, type ErrorCode } from '../../../shared/ipc/errors';
import { createCore, type Core } from '../app-core';
import { CliError, passphraseFrom, type CliIo } from './io';

/** `--data-dir DIR` is required for every command that touches a store. */
export function dataDirFrom(values: { 'data-dir'?: string | undefined }): string {
  const dir = values['data-dir'];
  if (!dir) throw new CliError('Say which data folder to use with --data-dir DIR.', 2);
  return resolve(dir);
}

/** Exit codes by what went wrong: 2 the command or its input, 3 the store or a record, 4 the passphrase. */
const EXIT_CODES: Partial<Record<ErrorCode, number>> = {
  wrong_passphrase: 4,
  unlock_delayed: 4,
  not_found: 3,
  locked: 3,
  not_set_up: 3,
  key_file_missing: 3,
  key_file_corrupt: 3,
  database_missing: 3,
  database_damaged: 3,
  database_newer: 3,
  internal: 1,
};

/** An error from the app's front door, in the words the app shows, with each wrong field on its own line. */
export function cliErrorOf(error: AppErrorShape): CliError {
  const fields = Object.entries(error.fields ?? {})
    .filter(([, text]) => !error.message.includes(text))
    .map(([field, text]) => `\n  ${field}: ${text}`);
  return new CliError(`${error.message}${fields.join('')}`, EXIT_CODES[error.code] ?? 2);
}

/** The app's own front door, typed by the contract: validated, audited, and an error in words. */
export type CliCall = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodOutput<K>>;

export function cliCall(core: Core): CliCall {
  return async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> => {
    const result = await core.call(method, input);
    if (!result.ok) throw cliErrorOf(result.error);
    return result.value as MethodOutput<K>;
  };
}

/** Opens and unlocks the store for a command (the unlock is recorded like the app's); the caller must `core.close()`. */
export async function unlockedCore(dataDir: string, io: CliIo): Promise<Core> {
  const core = createCore({ dataDir, autoSync: false });
  try {
    const status = core.vault.status();
    if (status.state === 'new')
      throw new CliError(
        `There is no Heard store in ${dataDir}. Create one with: npm run heard -- init --data-dir ${dataDir}`,
        2,
      );
    if (status.state === 'problem') throw new CliError(status.problem.message, 3);
    await cliCall(core)('vault.unlock', { passphrase: await passphraseFrom(io) });
    return core;
  } catch (e) {
    core.close();
    throw e;
  }
}

/**
 * Every command that works on a store runs through here: it opens and unlocks the store, gives the
 * command the app's own front door (`core.call`, so input is validated and the audit trail records
 * the command as it records the app), reports any error in words with its exit code, and always
 * closes the store.
 */
export async function withStore(
  dataDir: string,
  io: CliIo,
  run: (call: CliCall, core: Core) => Promise<number>,
): Promise<number> {
  const core = await unlockedCore(dataDir, io);
  try {
    return await run(cliCall(core), core);
  } catch (e) {
    if (e instanceof AppError) throw cliErrorOf(e.toShape());
    throw e;
  } finally {
    core.close();
  }
}
