import type { Transport } from '../../electron/core/sync/transport';
import { seededRandom } from '../../shared/domain/seeded-random';

/**
 * A network that loses, repeats, delays and partitions push and pull requests (token and
 * enrolment requests pass untouched). Delayed requests reach the service later, after newer
 * ones: that is how requests get reordered. Randomness comes from the seeded `random`.
 */
export class FaultyNetwork {
  faults = true;
  readonly partitioned = new Set<number>();
  private late: (() => Promise<unknown>)[] = [];
  readonly stats = { dropped: 0, lostReplies: 0, duplicated: 0, delayed: 0, partitioned: 0 };

  constructor(
    private readonly base: Transport,
    private readonly random: () => number,
  ) {}

  forDevice(index: number): Transport {
    return async (url, init) => {
      const path = new URL(url).pathname;
      if (!this.faults || (path !== '/v1/push' && path !== '/v1/pull')) return this.base(url, init);
      if (this.partitioned.has(index)) {
        this.stats.partitioned++;
        throw new Error('offline');
      }
      if (this.late.length && this.random() < 0.5) await this.deliverLate(1);
      const r = this.random();
      if (r < 0.1) {
        this.stats.dropped++;
        throw new Error('request lost');
      }
      if (r < 0.2) {
        this.stats.lostReplies++;
        await this.base(url, init);
        throw new Error('reply lost');
      }
      if (r < 0.3) {
        this.stats.duplicated++;
        await this.base(url, init);
        return this.base(url, init);
      }
      if (r < 0.4) {
        this.stats.delayed++;
        this.late.push(() => this.base(url, init));
        throw new Error('timed out');
      }
      return this.base(url, init);
    };
  }

  /** Delivers delayed requests, a random one at a time. */
  async deliverLate(count = Infinity): Promise<void> {
    while (this.late.length && count-- > 0) {
      const i = Math.floor(this.random() * this.late.length);
      const [send] = this.late.splice(i, 1);
      await send!();
    }
  }
}

/** The product's seeded generator, so a failing run can be replayed from its seed. */
export const seeded = seededRandom;
