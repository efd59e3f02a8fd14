import type { z } from 'zod';
import type { Account } from './account';

/**
 * Work a sync run does after its pull, beside the change log (the online forms' submissions):
 * given the account and an authenticated request to the service, it answers the kinds of record
 * it changed (so screens refresh) and a notice for the person, if any. Its own file so a step
 * never imports the client that runs it.
 */
export interface SyncStepIo {
  account: Account;
  request<S extends z.ZodType>(path: string, body: Record<string, unknown>, schema: S): Promise<z.output<S>>;
}

export interface SyncStepResult {
  changed: string[];
  notice: string | null;
}

export type SyncStep = (io: SyncStepIo) => Promise<SyncStepResult>;

/** Runs each step after a pull while the store stays unlocked; answers the notices they gave. */
export async function runSteps(
  deps: { steps?: SyncStep[]; isUnlocked(): boolean; emit(e: { type: 'changed'; entity: string }): void },
  io: SyncStepIo,
): Promise<string[]> {
  const notices: string[] = [];
  for (const step of deps.steps ?? []) {
    if (!deps.isUnlocked()) break;
    const out = await step(io);
    for (const entity of out.changed) deps.emit({ type: 'changed', entity });
    if (out.notice) notices.push(out.notice);
  }
  return notices;
}
