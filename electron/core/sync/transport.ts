import {
  PROTOCOL_VERSION,
  enrolResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  syncErrorSchema,
  tokensSchema,
  type EnrolResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type TokenResponse,
} from '../../../shared/sync/protocol';
import type { z } from 'zod';

/** The part of `fetch` sync uses. Tests pass one that calls an in-process server (and can drop or repeat requests). */
export type Transport = (
  url: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; json(): Promise<unknown>; headers?: { get(name: string): string | null } }>;

/** A refusal from the service, or no answer at all (`offline`). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** On `rate_limited`: seconds the service asked this device to wait. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }

  get endsDevice(): boolean {
    return this.code === 'device_revoked' || this.code === 'device_wipe' || this.code === 'token_reused';
  }
}

/** Typed calls to the service; every answer is checked against the shared schemas before use. */
export class SyncApi {
  constructor(
    private readonly transport: Transport,
    private readonly baseUrl: string,
  ) {}

  private async call<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    accessToken?: string,
  ): Promise<z.output<S>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (accessToken) headers.authorization = `Bearer ${accessToken}`;
    let res: Awaited<ReturnType<Transport>>;
    try {
      res = await this.transport(new URL(path, this.baseUrl).toString(), {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
    } catch {
      throw new SyncHttpError(
        0,
        'offline',
        'The service could not be reached. Heard will try again when you are online.',
      );
    }
    const json = await res.json().catch(() => null);
    if (res.status >= 200 && res.status < 300) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      throw new SyncHttpError(
        res.status,
        'bad_response',
        'The service answered in a form this version of Heard does not understand. Please update Heard.',
      );
    }
    const err = syncErrorSchema.safeParse(json);
    const header = Number(res.headers?.get('retry-after') ?? Number.NaN);
    const retryAfter =
      res.status === 429
        ? ((err.success ? err.data.error.retryAfter : undefined) ?? (Number.isFinite(header) ? header : 60))
        : null;
    throw new SyncHttpError(
      res.status,
      err.success ? err.data.error.code : 'http_error',
      err.success ? err.data.error.message : `The service refused the request (status ${res.status}).`,
      retryAfter,
    );
  }

  /** A signed-in request to any other endpoint (the keys endpoints, electron/core/e2e/keys-api.ts; the managers' server/team). */
  post<S extends z.ZodType>(path: string, body: object, schema: S, accessToken: string): Promise<z.output<S>> {
    return this.call(path, { v: PROTOCOL_VERSION, ...body }, schema, accessToken);
  }

  enrol(code: string, deviceName: string): Promise<EnrolResponse> {
    return this.call('/v1/enrol', { v: PROTOCOL_VERSION, code, deviceName }, enrolResponseSchema);
  }

  refresh(refreshToken: string): Promise<TokenResponse> {
    return this.call('/v1/token', { v: PROTOCOL_VERSION, refreshToken }, tokensSchema);
  }

  confirmWiped(refreshToken: string): Promise<unknown> {
    return this.call('/v1/wiped', { v: PROTOCOL_VERSION, refreshToken }, syncErrorSchema.partial());
  }

  push(accessToken: string, body: Omit<PushRequest, 'v'>): Promise<PushResponse> {
    return this.call('/v1/push', { v: PROTOCOL_VERSION, ...body }, pushResponseSchema, accessToken);
  }

  pull(
    accessToken: string,
    req: { after: number; limit?: number; sentAt: Date; applied: number },
  ): Promise<PullResponse> {
    const { after, limit, sentAt, applied } = req;
    return this.call(
      '/v1/pull',
      { v: PROTOCOL_VERSION, after, ...(limit ? { limit } : {}), sentAt: sentAt.toISOString(), applied },
      pullResponseSchema,
      accessToken,
    );
  }
}
