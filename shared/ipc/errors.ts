import { z } from 'zod';

/**
 * Every failure that reaches the renderer is one of these codes with a message written for an
 * advocate. Messages never contain a child's data: they describe what went wrong, not with whom.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'locked',
  'not_set_up',
  'already_set_up',
  'wrong_passphrase',
  'unlock_delayed',
  'weak_passphrase',
  'key_file_missing',
  'key_file_corrupt',
  'database_missing',
  'database_damaged',
  'database_newer',
  'not_found',
  'conflict',
  'forbidden',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Present on `unlock_delayed`: how long until another attempt is accepted. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** Present on `invalid_input`: which field was wrong, for highlighting in forms. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

/** An error meant for the user. Thrown in core and shared; turned into `{ code, message }` at the IPC edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { retryAfterMs?: number; fields?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = extra.retryAfterMs;
    this.fields = extra.fields;
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) shape.retryAfterMs = this.retryAfterMs;
    if (this.fields !== undefined) shape.fields = this.fields;
    return shape;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** What every IPC call answers: a value, or an error the user can read. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
