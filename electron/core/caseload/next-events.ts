import type { Db } from '../db/database';
import { complaintsNextEvent } from '../letters/next-event';
import { meetingsNextEvent } from '../meetings/next-event';
import type { NextEvent, NextEventProvider } from './next-event-provider';

export type { NextEvent, NextEventProvider } from './next-event-provider';

/**
 * Every feature's next-event provider, so the caseload can show each case's next meeting or
 * deadline without knowing the features' tables. A new provider is added to this list.
 */

export const nextEventProviders: NextEventProvider[] = [meetingsNextEvent, complaintsNextEvent];

export function nextEvents(
  db: Db,
  caseIds: readonly string[],
  today: string,
  providers: readonly NextEventProvider[] = nextEventProviders,
): Map<string, NextEvent> {
  const out = new Map<string, NextEvent>();
  if (caseIds.length === 0) return out;
  for (const provide of providers) {
    for (const [caseId, ev] of provide(db, caseIds, today)) {
      const cur = out.get(caseId);
      if (!cur || ev.date < cur.date) out.set(caseId, ev);
    }
  }
  return out;
}
