import type { z } from 'zod';
import type { AuditSpec } from './audit-spec';

/** The names of an input's fields, so an audit declaration can only name a field the input has. */
type InputKey<I extends z.ZodType> = Extract<keyof NonNullable<z.output<I>>, string>;

/**
 * One IPC method: its input and output schemas, whether it needs the vault unlocked, and how the
 * audit trail records it. Main, the preload bridge, the web host and the renderer's client are all
 * derived from these.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Methods that touch a child's record refuse to run while the vault is locked. */
  readonly needsUnlock: boolean;
  readonly audit: AuditSpec;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { needsUnlock?: boolean; audit: AuditSpec<InputKey<I>> },
): MethodSpec<I, O> {
  return { input, output, needsUnlock: options.needsUnlock ?? true, audit: options.audit };
}
