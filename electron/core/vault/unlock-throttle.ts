import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * After a wrong passphrase the next attempt must wait 1 s, then 2 s, 4 s … up to 30 s. The state is
 * on disk so that restarting the app does not reset the delay. It holds no secret.
 */
export const MAX_DELAY_MS = 30_000;

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - 1));
}

interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

export class UnlockThrottle {
  constructor(
    private readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  private read(): ThrottleState {
    if (!existsSync(this.path)) return { failures: 0, lastFailureAt: 0 };
    try {
      const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<ThrottleState>;
      const failures = Number.isInteger(raw.failures) && (raw.failures ?? 0) >= 0 ? (raw.failures as number) : 0;
      const lastFailureAt = typeof raw.lastFailureAt === 'number' ? raw.lastFailureAt : 0;
      return { failures, lastFailureAt };
    } catch {
      // A damaged throttle file must not lock anyone out, nor let them skip the delay entirely.
      return { failures: 1, lastFailureAt: this.now() };
    }
  }

  /** Milliseconds until another attempt is allowed (0 = now). */
  retryAfterMs(): number {
    const { failures, lastFailureAt } = this.read();
    const wait = lastFailureAt + delayAfterFailures(failures) - this.now();
    // A clock moved backwards must not extend the wait beyond the maximum.
    return Math.max(0, Math.min(wait, MAX_DELAY_MS));
  }

  failures(): number {
    return this.read().failures;
  }

  /** Counts one more wrong passphrase from now; returns the wait it earns. */
  recordFailure(): number {
    const failures = this.read().failures + 1;
    writeFileAtomic(this.path, JSON.stringify({ failures, lastFailureAt: this.now() }));
    return delayAfterFailures(failures);
  }

  /**
   * Starts the wait again from now without counting another failure: an attempt is recorded as a
   * failure before its slow check, and when it does turn out wrong the wait runs from the answer.
   */
  restartWait(): number {
    const { failures } = this.read();
    writeFileAtomic(this.path, JSON.stringify({ failures, lastFailureAt: this.now() }));
    return delayAfterFailures(failures);
  }

  reset(): void {
    if (this.read().failures === 0) return;
    writeFileAtomic(this.path, JSON.stringify({ failures: 0, lastFailureAt: 0 }));
  }
}
