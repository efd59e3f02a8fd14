/**
 * Counts down from the last sign of activity and fires once when it runs out. Timers are passed in
 * so the logic is tested without a browser.
 */
export interface TimerApi {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export class IdleTimer {
  private handle: unknown = null;
  private fired = false;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
    private readonly timers: TimerApi,
  ) {}

  start(): void {
    this.fired = false;
    this.reset();
  }

  /** Any keypress, click, scroll or pointer movement. */
  activity(): void {
    if (!this.fired) this.reset();
  }

  stop(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  private reset(): void {
    this.stop();
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.fired = true;
      this.onIdle();
    }, this.timeoutMs);
  }
}
