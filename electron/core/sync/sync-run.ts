import type { Db } from '../db/database';
import type { ValueKeyring } from '../e2e/value-keys';
import type { SyncApi } from './transport';

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  purged: number;
  /** Deleted records whose last trace was removed, as the service purged them. */
  deletedRemoved: number;
  /** Changes of this computer the service refused (kept here; see notices.ts). */
  refused: number;
  /** Changes to new cases held back by the service's hourly limit; sent again later. */
  deferred: number;
  /** Cases made here given a new id because the service already knew theirs. */
  rekeyed: number;
  /** Changes the service sent that did not open or were not sealed (not applied; see notices.ts). */
  unreadable: number;
}

export const emptyReport = (): SyncReport => ({
  pushed: 0,
  pulled: 0,
  conflicts: 0,
  purged: 0,
  deletedRemoved: 0,
  refused: 0,
  deferred: 0,
  rekeyed: 0,
  unreadable: 0,
});

/** What the push and pull steps of one run share with the client that runs them. */
export interface SyncRun {
  db: Db;
  api: SyncApi;
  /** Calls the service with a fresh access token, waiting out short waits it asks for. */
  withAccess<T>(fn: (token: string) => Promise<T>): Promise<T>;
  progress(label: string, done: number, total: number): void;
  /** The organisation's keys when this laptop seals (docs/e2e.md); null when the organisation has none yet. */
  keys: ValueKeyring | null;
}
