import { describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../renderer/src/features/shell/idle-timer';

describe('the idle lock timer', () => {
  it('fires once after the idle time, and activity postpones it', () => {
    vi.useFakeTimers();
    const onIdle = vi.fn();
    const timer = new IdleTimer(5 * 60_000, onIdle, {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as NodeJS.Timeout),
    });
    timer.start();
    vi.advanceTimersByTime(4 * 60_000);
    timer.activity();
    vi.advanceTimersByTime(4 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.activity();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
    vi.useRealTimers();
  });
});
