import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Failed unlocks happen while the store is locked, so they cannot go into the encrypted trail
 * straight away. They wait here (times and the method only: no passphrase, nothing about a
 * child) and are appended to the trail, with their original times, at the next unlock. The file
 * is capped so that a guessing attack cannot fill the disk; the overflow is counted.
 */
export const PENDING_FILE = 'audit-pending.json';
const MAX_KEPT = 200;

export interface PendingFailure {
  at: string;
  method: string;
}

interface PendingState {
  failures: PendingFailure[];
  dropped: number;
}

export class PendingFailures {
  private readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, PENDING_FILE);
  }

  read(): PendingState {
    if (!existsSync(this.path)) return { failures: [], dropped: 0 };
    try {
      const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<PendingState>;
      const failures = Array.isArray(raw.failures)
        ? raw.failures
            .filter((f): f is PendingFailure => typeof f?.at === 'string' && typeof f?.method === 'string')
            .slice(-MAX_KEPT)
        : [];
      return { failures, dropped: typeof raw.dropped === 'number' && raw.dropped > 0 ? raw.dropped : 0 };
    } catch {
      // A damaged file still means something failed; say so rather than lose it.
      return { failures: [], dropped: 1 };
    }
  }

  record(failure: PendingFailure): void {
    const state = this.read();
    state.failures.push(failure);
    if (state.failures.length > MAX_KEPT) {
      state.dropped += state.failures.length - MAX_KEPT;
      state.failures = state.failures.slice(-MAX_KEPT);
    }
    writeFileAtomic(this.path, JSON.stringify(state));
  }

  hasAny(): boolean {
    return existsSync(this.path);
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}
