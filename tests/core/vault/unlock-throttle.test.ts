import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delayAfterFailures, UnlockThrottle } from '../../../electron/core/vault/unlock-throttle';

describe('unlock delay', () => {
  it('grows 1 s, 2 s, 4 s … and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(delayAfterFailures)).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('survives a restart: a new throttle on the same file keeps the wait', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'heard-throttle-')), 'throttle.json');
    let now = 1_000_000;
    const first = new UnlockThrottle(path, () => now);
    first.recordFailure();
    first.recordFailure();
    first.recordFailure();
    now += 1000;
    const afterRestart = new UnlockThrottle(path, () => now);
    expect(afterRestart.retryAfterMs()).toBe(3000);
    now += 3000;
    expect(afterRestart.retryAfterMs()).toBe(0);
    afterRestart.reset();
    expect(new UnlockThrottle(path, () => now).failures()).toBe(0);
  });

  it('a clock set backwards cannot make the wait longer than 30 s', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'heard-throttle-')), 'throttle.json');
    let now = 5_000_000;
    const t = new UnlockThrottle(path, () => now);
    t.recordFailure();
    now -= 3_600_000;
    expect(t.retryAfterMs()).toBeLessThanOrEqual(30_000);
  });
});
