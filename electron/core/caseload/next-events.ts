import type { Db } from '../db/database';
import { complaintsNextEvent } from '../letters/next-event';
import { meetingsNextEvent } from '../meetings/next-event';

/**
 * Features that keep dated things for a case (meetings, complaint deadlines) add a provider here,
 * so the caseload can show each case's next meeting or deadline without knowing their tables.
 * A provider returns, for the cases it knows, its earliest date on or after `today`, or a
 * deadline already missed (which then comes first).
 */
export type NextEvent = { date: string; label: string };
export type NextEventProvider = (db: Db, caseIds: readonly string[], today: string) => Map<string, NextEvent>;

export const nextEventProviders: NextEventProvider[] = [meetingsNextEvent, complaintsNextEvent];

export function nextEvents(db: Db, caseIds: readonly string[], today: string, providers: readonly NextEventProvider[] = nextEventProviders): Map<string, NextEvent> {
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
