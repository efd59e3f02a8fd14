import type { Db } from '../db/database';
import { allOrgKeys } from './keyring';
import { deriveValueKeys, type EpochValueKeys } from './values';

/** Every epoch this laptop holds, with its value keys derived once for a whole sync run. */
export class ValueKeyring {
  private readonly byEpoch = new Map<number, EpochValueKeys>();
  private newest: EpochValueKeys | null = null;

  constructor(
    readonly organisationId: string,
    keys: readonly { epoch: number; key: Buffer }[],
  ) {
    for (const k of keys) {
      const derived = deriveValueKeys(organisationId, k.epoch, k.key);
      this.byEpoch.set(k.epoch, derived);
      if (!this.newest || k.epoch > this.newest.epoch) this.newest = derived;
    }
  }

  static load(db: Db, organisationId: string): ValueKeyring {
    return new ValueKeyring(organisationId, allOrgKeys(db));
  }

  /** New values are sealed under the newest epoch held (docs/e2e.md, Rotation). */
  current(): EpochValueKeys | null {
    return this.newest;
  }

  readonly keyFor = (epoch: number): EpochValueKeys | null => this.byEpoch.get(epoch) ?? null;
}
