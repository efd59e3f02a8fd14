import { AppError } from '../../../shared/ipc/errors';
import type { UnlockThrottle } from './unlock-throttle';

export type GateOutcome<T> = { ok: true; value: T } | { ok: false; retryAfterMs: number };

export const waitMessage = (ms: number): string => {
  const seconds = Math.ceil(ms / 1000);
  return `Please wait ${seconds} second${seconds === 1 ? '' : 's'} before trying again.`;
};

/**
 * The one door every passphrase goes through (unlock, re-check, change, backup). Checks run one
 * at a time, and each is written down as a failure before its slow key derivation begins and
 * cleared only when it succeeds: so passphrases sent together cannot all be tried inside the same
 * wait, and quitting the app in the middle of a check does not give a free guess.
 */
export class PassphraseGate {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly throttle: UnlockThrottle) {}

  retryAfterMs(): number {
    return this.throttle.retryAfterMs();
  }

  /**
   * `check` resolves to a value when the passphrase is right and null when it is wrong. A wait
   * still running is refused with `unlock_delayed` before `check` is called at all.
   */
  attempt<T>(check: () => Promise<T | null>): Promise<GateOutcome<T>> {
    return this.exclusive(() => this.once(check));
  }

  /** Runs `fn` in turn with every check (setting up, say), without counting it as an attempt. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async once<T>(check: () => Promise<T | null>): Promise<GateOutcome<T>> {
    const wait = this.throttle.retryAfterMs();
    if (wait > 0) throw new AppError('unlock_delayed', waitMessage(wait), { retryAfterMs: wait });
    this.throttle.recordFailure();
    // A check that throws (the key file unreadable, say) leaves the attempt counted.
    const value = await check();
    if (value === null) return { ok: false, retryAfterMs: this.throttle.restartWait() };
    this.throttle.reset();
    return { ok: true, value };
  }
}
