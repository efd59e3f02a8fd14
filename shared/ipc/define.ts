import type { z } from 'zod';

/**
 * One IPC method: its input and output schemas, and whether it needs the vault unlocked.
 * Main, the preload bridge, the web host and the renderer's client are all derived from these.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Methods that touch a child's record refuse to run while the vault is locked. */
  readonly needsUnlock: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { needsUnlock?: boolean } = {},
): MethodSpec<I, O> {
  return { input, output, needsUnlock: options.needsUnlock ?? true };
}
