import { contract, isMethodName, type MethodName } from '../../../shared/ipc/contract';
import { AppError, type Envelope } from '../../../shared/ipc/errors';
import { describeIssues } from '../../../shared/ipc/validation-messages';
import type { CoreContext, Handlers } from './handler-types';

export type Logger = (line: string) => void;

/**
 * The single entry for every IPC call, from Electron's main process and from the web host alike:
 * unknown method → error; input validated; locked store refused; handler run; output validated.
 * Errors become `{ code, message }`. Unexpected errors are logged by kind only, never by message,
 * because a driver's message can quote a child's data back.
 */
export async function dispatch(
  handlers: Handlers,
  ctx: CoreContext,
  name: unknown,
  rawInput: unknown,
  log: Logger = () => {},
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) {
    return {
      ok: false,
      error: { code: 'unknown_method', message: 'Heard does not know how to do that. Please update Heard.' },
    };
  }
  const spec = contract[name];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const { message, fields } = describeIssues(parsed.error);
    return { ok: false, error: { code: 'invalid_input', message, fields } };
  }
  if (spec.needsUnlock && !ctx.vault.isUnlocked) {
    return {
      ok: false,
      error: { code: 'locked', message: 'Heard is locked. Unlock it with your passphrase to continue.' },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CoreContext) => unknown;
    const value = await handler(parsed.data, ctx);
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      log(`[heard] ${name}: handler returned a value that does not match its contract`);
      return {
        ok: false,
        error: {
          code: 'internal',
          message: 'Something went wrong inside Heard. Nothing has been lost; please try again.',
        },
      };
    }
    return { ok: true, value: checked.data };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toShape() };
    log(`[heard] ${name as MethodName} failed: ${e instanceof Error ? e.name : typeof e}`);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside Heard. Nothing has been lost; please try again.',
      },
    };
  }
}
