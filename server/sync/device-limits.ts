import { ServiceError } from '../errors';

/**
 * Per-device request limits on push, pull and the keys endpoints: a token bucket per device and endpoint, so a
 * laptop catching up can send a burst of pages, but one device (a stolen laptop with a live
 * token, a colleague scripting requests) cannot keep the service busy for everyone else. Kept in
 * the service's memory: a restart forgets the buckets, which only ever lets a device in sooner.
 */
export interface RateLimit {
  /** Requests a device may send at once. */
  burst: number;
  /** Requests a device may send each minute after that. */
  perMinute: number;
}

export interface DeviceRateLimits {
  push: RateLimit;
  pull: RateLimit;
  /** The keys and intake endpoints (server/keys, server/forms): a few a sync, more on a manager's laptop. */
  keys: RateLimit;
}

export const DEFAULT_DEVICE_RATE_LIMITS: DeviceRateLimits = {
  push: { burst: 30, perMinute: 60 },
  pull: { burst: 60, perMinute: 240 },
  keys: { burst: 60, perMinute: 120 },
};

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again, so they are dropped to keep memory bounded. */
const IDLE_MS = 10 * 60_000;

export class DeviceRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(private readonly limits: DeviceRateLimits) {}

  /** Takes one request from the device's bucket, or throws 429 with the seconds to wait. */
  take(endpoint: keyof DeviceRateLimits, deviceId: string, nowMs: number): void {
    const limit = this.limits[endpoint];
    const key = `${endpoint}:${deviceId}`;
    const perMs = limit.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
    b.tokens = Math.min(limit.burst, b.tokens + Math.max(0, nowMs - b.at) * perMs);
    b.at = nowMs;
    this.buckets.set(key, b);
    this.sweep(nowMs);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return;
    }
    const waitS = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    throw rateLimited(waitS);
  }

  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweep < IDLE_MS) return;
    this.lastSweep = nowMs;
    for (const [k, b] of this.buckets) if (nowMs - b.at > IDLE_MS) this.buckets.delete(k);
  }
}

export class RateLimitedError extends ServiceError {
  constructor(
    readonly retryAfter: number,
    message = `This computer has sent the service more requests than it accepts in a short time. Heard will try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
  ) {
    super(429, 'rate_limited', message);
  }

  override body(): { v: number; error: { code: string; message: string; retryAfter: number } } {
    return { ...super.body(), error: { ...super.body().error, retryAfter: this.retryAfter } };
  }
}

export const rateLimited = (seconds: number) => new RateLimitedError(seconds);
