import { RateLimitedError, type RateLimit } from './device-limits';

/**
 * Refused sign-ins on push and pull, per network address. The token is checked before the body
 * is read, so a stranger's request costs one lookup; past a few refusals a minute the address is
 * turned away before even that. Refusals are counted, not each written to the audit table (an
 * unauthenticated flood must not grow it): one summary row per address per window.
 */
export const DEFAULT_SIGN_IN_FAILURES: RateLimit = { burst: 30, perMinute: 30 };

/** How long one summary row covers. */
const WINDOW_MS = 10 * 60_000;
/** Addresses remembered at most; beyond this the oldest windows are summarised early. */
const MAX_ADDRESSES = 10_000;

interface AddressState {
  tokens: number;
  at: number;
  since: number;
  refused: number;
  turnedAway: number;
}

export interface FailureSummary {
  address: string;
  since: Date;
  refused: number;
  turnedAway: number;
}

export class SignInFailures {
  private readonly byAddress = new Map<string, AddressState>();
  private lastDrain = 0;

  constructor(private readonly limit: RateLimit) {}

  /** Throws 429 (counted) when the address has used up its refusals; otherwise lets the sign-in be checked. */
  check(address: string, nowMs: number): void {
    const s = this.byAddress.get(address);
    if (!s) return;
    this.refill(s, nowMs);
    if (s.tokens >= 1) return;
    s.turnedAway++;
    const perMs = this.limit.perMinute / 60_000;
    throw new RateLimitedError(
      Math.max(1, Math.ceil((1 - s.tokens) / perMs / 1000)),
      'This address has sent the service too many requests it could not sign in. Please wait and try again.',
    );
  }

  record(address: string, nowMs: number): void {
    let s = this.byAddress.get(address);
    if (!s) {
      s = { tokens: this.limit.burst, at: nowMs, since: nowMs, refused: 0, turnedAway: 0 };
      this.byAddress.set(address, s);
    }
    this.refill(s, nowMs);
    s.tokens = Math.max(0, s.tokens - 1);
    s.refused++;
  }

  /** Windows that have ended (or all of them, when the service stops), taken out to be written. */
  drain(nowMs: number, all = false): FailureSummary[] {
    // Looked over at most once a minute: under a flood from many addresses, a walk of them all
    // on every refusal would cost more than the refusals.
    if (!all && nowMs - this.lastDrain < 60_000 && this.byAddress.size <= MAX_ADDRESSES) return [];
    this.lastDrain = nowMs;
    const out: FailureSummary[] = [];
    const overfull = this.byAddress.size - MAX_ADDRESSES;
    let i = 0;
    for (const [address, s] of this.byAddress) {
      const early = i++ < overfull;
      if (!all && !early && nowMs - s.since < WINDOW_MS) continue;
      this.byAddress.delete(address);
      if (s.refused + s.turnedAway > 0)
        out.push({ address, since: new Date(s.since), refused: s.refused, turnedAway: s.turnedAway });
    }
    return out;
  }

  private refill(s: AddressState, nowMs: number): void {
    s.tokens = Math.min(this.limit.burst, s.tokens + Math.max(0, nowMs - s.at) * (this.limit.perMinute / 60_000));
    s.at = nowMs;
  }
}
