import type { HeardApi, MethodInput, MethodName, MethodOutput } from '../../../shared/ipc/contract';
import type { AppErrorShape, Envelope, ErrorCode } from '../../../shared/ipc/errors';

declare global {
  interface Window {
    heard: HeardApi;
  }
}

/** An error from core, with words for the advocate. */
export class HeardError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly fields: Record<string, string> | undefined;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.retryAfterMs = shape.retryAfterMs;
    this.fields = shape.fields;
  }
}

/** Calls core through `window.heard` (Electron preload or the web host's shim): typed by the contract. */
export async function send<K extends MethodName>(name: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  // Indexing a mapped type by a generic key loses the pairing TypeScript would need to prove this.
  const call = window.heard[name] as unknown as (input: MethodInput<K>) => Promise<Envelope<MethodOutput<K>>>;
  const envelope = await call(input);
  if (!envelope.ok) throw new HeardError(envelope.error);
  return envelope.value as MethodOutput<K>;
}

export const errorMessage = (e: unknown): string =>
  e instanceof HeardError ? e.message : 'Something went wrong. Nothing has been lost; please try again.';
