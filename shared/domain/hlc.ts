/**
 * Hybrid logical clock. The server's sequence orders changes; the HLC only breaks ties and lets
 * people see roughly when something was written on a device whose clock may be wrong.
 * Encoded so that string order is time order: 15-digit ms, 5-digit counter, device id.
 */
export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

export function encodeHlc(h: Hlc): string {
  return `${String(h.ms).padStart(15, '0')}-${String(h.counter).padStart(5, '0')}-${h.device}`;
}

export function decodeHlc(s: string): Hlc | null {
  const m = /^(\d{15})-(\d{5})-(.+)$/.exec(s);
  return m ? { ms: Number(m[1]), counter: Number(m[2]), device: m[3]! } : null;
}

/** A clock per device. Pass `now` in so tests can move time. */
export class HlcClock {
  private last: Hlc;

  constructor(
    private readonly device: string,
    private readonly now: () => number = Date.now,
  ) {
    this.last = { ms: 0, counter: 0, device };
  }

  tick(): string {
    const wall = this.now();
    this.last =
      wall > this.last.ms
        ? { ms: wall, counter: 0, device: this.device }
        : { ms: this.last.ms, counter: this.last.counter + 1, device: this.device };
    return encodeHlc(this.last);
  }

  /** Merge a clock seen from elsewhere so later local ticks sort after it. */
  observe(remote: string): void {
    const r = decodeHlc(remote);
    if (!r) return;
    const wall = this.now();
    const ms = Math.max(wall, this.last.ms, r.ms);
    const counter =
      ms === this.last.ms && ms === r.ms
        ? Math.max(this.last.counter, r.counter) + 1
        : ms === this.last.ms
          ? this.last.counter + 1
          : ms === r.ms
            ? r.counter + 1
            : 0;
    this.last = { ms, counter, device: this.device };
  }
}
